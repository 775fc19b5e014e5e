package org.sparkhpo.config;

import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

/** Rules that involve more than one key, each failing with the keys, the values and the rule. */
final class CrossFieldRules {
    private CrossFieldRules() {
    }

    static void checkMetric(LossType loss, Metric metric) {
        boolean classification = loss.task().isClassification();
        if (classification && metric == Metric.RMSE) {
            throw new InvalidInputException("hpo.metric.name: 'rmse' needs a regression loss, but hpo.model.loss is '"
                    + loss.configName() + "' (use accuracy or log-loss)");
        }
        if (!classification && metric != Metric.RMSE) {
            throw new InvalidInputException("hpo.metric.name: '" + metric.configName()
                    + "' needs a classification loss, but hpo.model.loss is 'least-squares' (use rmse)");
        }
        if (loss == LossType.HINGE && metric == Metric.LOG_LOSS) {
            throw new InvalidInputException("hpo.metric.name: 'log-loss' needs probabilities, which the hinge loss"
                    + " does not give (use accuracy)");
        }
    }
}
