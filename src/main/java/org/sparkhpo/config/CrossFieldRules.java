package org.sparkhpo.config;

import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.search.SearchSettings;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

/** Rules that involve more than one key, each failing with the keys, the values and the rule. */
final class CrossFieldRules {
    private CrossFieldRules() {
    }

    /**
     * @return the metric the run optimizes: {@code metric} for SGD training, function-value for a known function
     */
    static Metric checkMetric(LossType loss, Metric metric, ObjectiveKind objective) {
        if (objective != ObjectiveKind.SGD) {
            return Metric.FUNCTION_VALUE;
        }
        if (metric == Metric.FUNCTION_VALUE) {
            throw new InvalidInputException("hpo.metric.name: 'function-value' needs a known-optimum function, but"
                    + " hpo.objective is 'sgd' (use accuracy, log-loss or rmse)");
        }
        checkMetric(loss, metric);
        return metric;
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

    static void checkObjective(SearchSettings search, ObjectiveKind objective) {
        if (objective.function().isEmpty()) {
            return;
        }
        StrategyKind strategy = search.strategy();
        if (strategy.descriptor().needsTrainingObjective().test(search)) {
            throw new InvalidInputException("hpo.objective: '" + objective.configName() + "' is a known function,"
                    + " but " + (strategy.isDerivativeFree() ? "hpo.search.dfo.start = theory" : "hpo.search.strategy"
                    + " = " + strategy.configName()) + " needs a training objective (use objective = sgd)");
        }
        try {
            objective.function().get().checkDimension(search.space().dimension());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hpo.objective: " + e.getMessage(), e);
        }
    }
}
