package org.sparkhpo.config;

import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.DataSettings;
import org.sparkhpo.data.Folds;
import org.sparkhpo.data.Precision;
import org.sparkhpo.search.MedianStoppingSettings;
import org.sparkhpo.search.SearchSettings;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.space.Tunable;
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

    /**
     * k-fold cross-validation trains each trial once per fold, one after another in its task, and averages the
     * folds' best validation metrics. It is refused where a trial's single training run matters: the settling
     * strategies (successive halving, Hyperband) resume one checkpoint per trial across rungs, the median
     * stopping rule prunes on one learning curve, and a validation file already fixes the split. {@code auto}
     * then means one hold-out part.
     *
     * @return {@code data}, with {@code auto} folds replaced by one hold-out part where folds are not supported
     */
    static DataSettings checkFolds(DataSettings data, SearchSettings search, MedianStoppingSettings median) {
        String conflict = foldConflict(data, search, median);
        if (conflict == null) {
            return data;
        }
        if (data.folds().automatic()) {
            return data.withFolds(Folds.HOLD_OUT);
        }
        if (data.folds().requested() == 1) {
            return data;
        }
        throw new InvalidInputException("hpo.data.folds: " + data.folds() + " folds cannot be combined with "
                + conflict + " (set hpo.data.folds = 1 or auto)");
    }

    /** @return the setting that rules out k-fold cross-validation, or null when none does */
    private static String foldConflict(DataSettings data, SearchSettings search, MedianStoppingSettings median) {
        if (data.hasValidationFile()) {
            return "hpo.data.validation = '" + data.validation() + "' (a validation file fixes the split)";
        }
        if (search.strategy().descriptor().settlesResults()) {
            return "hpo.search.strategy = " + search.strategy().configName()
                    + " (its rungs resume one checkpoint per trial)";
        }
        if (median.enabled()) {
            return "hpo.training.median-stopping = true (it prunes on one learning curve)";
        }
        return null;
    }

    /**
     * A tunable {@code precision} needs the features stored in double precision: float trials train on a float
     * copy made from them once per executor, while float storage cannot give double trials their data back.
     */
    static void checkPrecision(SearchSettings search, DataSettings data) {
        boolean tuned = search.space().parameters().stream().anyMatch(p -> p.tunable() == Tunable.PRECISION);
        if (tuned && data.precision() != Precision.DOUBLE) {
            throw new InvalidInputException("hpo.search.space: 'precision' is tunable only with hpo.data.precision ="
                    + " double (float trials train on a float copy of the double features), but hpo.data.precision"
                    + " is '" + data.precision().configName() + "'");
        }
    }
}
