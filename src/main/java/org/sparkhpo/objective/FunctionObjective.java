package org.sparkhpo.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * Evaluates a {@link KnownFunction} where a trial would train: coordinate i of the function's unit point is
 * the position of the configuration's value of the i-th search-space parameter on that parameter's scale
 * ({@link Parameter#toUnit}), in declaration order; the function maps the unit point onto its domain. The
 * parameters' names and bounds therefore do not matter, only their number and order (use linear continuous
 * ranges; an integer range rounds its coordinate). The data is not used.
 *
 * <p>Metrics: {@code val_function_value} (the objective, minimized), {@code gap} (value minus the known
 * minimum), {@code train_seconds}, {@code epochs} and {@code best_epoch} (0). A configuration that lacks a
 * parameter's value is a FAILED result, never an exception. Immutable; shipped in the task closure.
 *
 * @param function the function
 * @param space the search space whose parameters are the coordinates
 */
public record FunctionObjective(KnownFunction function, SearchSpace space) implements Objective {
    /** The metric key of the function's value, {@code val_function_value}. */
    public static final String KEY = TrialRunner.objectiveKey(Metric.FUNCTION_VALUE);

    public FunctionObjective {
        Objects.requireNonNull(function, "function");
        function.checkDimension(space.dimension());
    }

    @Override
    public TrialResult run(Trial trial, PreparedData data) {
        long start = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] unit = new double[space.dimension()];
        for (int i = 0; i < unit.length; i++) {
            Parameter parameter = space.parameters().get(i);
            Object value = trial.configuration().get(parameter.name());
            if (value == null) {
                return TrialResult.failed(trial, "the configuration sets no value for " + parameter.name(), metrics);
            }
            unit[i] = parameter.toUnit(value);
        }
        double value = function.valueAtUnit(unit);
        metrics.put(KEY, value);
        metrics.put(MetricKeys.GAP, value - function.minimum());
        metrics.put(MetricKeys.TRAIN_SECONDS, (System.nanoTime() - start) / 1e9);
        metrics.put(MetricKeys.EPOCHS, 0.0);
        metrics.put(MetricKeys.BEST_EPOCH, 0.0);
        return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.COMPLETE, trial.configuration(),
                metrics, trial.seed(), null);
    }
}
