package org.sparkhpo.config;

import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.strategy.dfo.UnitCube;
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
        if (search.strategy().isDerivativeFree()) {
            try {
                new UnitCube(search.space());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("hpo.search.space: " + e.getMessage() + " (hpo.search.strategy is '"
                        + search.strategy().configName() + "')", e);
            }
        }
        if (search.strategy() == StrategyKind.MANUAL && search.manual().isEmpty()) {
            throw new InvalidInputException("hpo.search.manual: [] is empty and hpo.search.manual-file is not set;"
                    + " the manual strategy needs at least one configuration");
        }
    }

    static void checkObjective(SearchSettings search, ObjectiveKind objective) {
        if (objective.function().isEmpty()) {
            return;
        }
        StrategyKind strategy = search.strategy();
        if (strategy == StrategyKind.THEORY || strategy == StrategyKind.FOLKLORE
                || (strategy.isDerivativeFree() && search.start() == DfoStart.THEORY)) {
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
