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

    static void checkBandit(SearchSettings search, BanditSettings bandit, MedianStoppingSettings median) {
        if (!search.strategy().isBandit()) {
            return;
        }
        String name = search.strategy().configName();
        if (search.space().names().contains("epochs")) {
            throw new InvalidInputException("hpo.search.space: 'epochs' cannot be searched with " + name
                    + ", which sets every trial's epochs itself (hpo.search.bandit.min-epochs, max-epochs)");
        }
        if (median.enabled()) {
            throw new InvalidInputException("hpo.training.median-stopping: true cannot be combined with " + name
                    + ", which stops trials itself (set it to false)");
        }
        if (bandit.sampler() == StrategyKind.GRID && search.space().dimension() == 0) {
            throw new InvalidInputException("hpo.search.space: [] is empty; hpo.search.bandit.sampler = grid needs"
                    + " at least one parameter");
        }
    }

    static void checkSearch(SearchSettings search) {
        if (search.strategy() == StrategyKind.GRID && search.space().dimension() == 0) {
            throw new InvalidInputException("hpo.search.space: [] is empty; grid search needs at least one"
                    + " parameter");
        }
    }
}
