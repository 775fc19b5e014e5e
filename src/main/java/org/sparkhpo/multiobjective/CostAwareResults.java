package org.sparkhpo.multiobjective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Turns a trial's result into what is journaled and what its strategy is told under an
 * {@link ObjectiveSpec}. Both are pure functions of the result, so a resumed run that replays the journal
 * tells its strategy exactly what the interrupted run told it.
 *
 * <ul>
 *   <li>{@link #annotate}: adds {@code core_seconds} (when {@code train_seconds} is recorded), and with cost
 *       bounds {@code feasible} (1 or 0) and {@code violation} (the total relative violation), and in
 *       weighted mode {@code scalarized} (the weighted value). Idempotent.</li>
 *   <li>{@link #told}: the result with its metric replaced by the value the strategy optimizes: NaN (the
 *       worst value, as for a FAILED trial) for an infeasible trial, the scalarized value in weighted
 *       mode, the metric unchanged otherwise.</li>
 * </ul>
 */
public final class CostAwareResults {
    /** Metric key: 1 when the trial meets every cost bound, else 0. */
    public static final String FEASIBLE = "feasible";
    /** Metric key: the total relative violation of the cost bounds. */
    public static final String VIOLATION = "violation";
    /** Metric key: the weighted value of weighted mode. */
    public static final String SCALARIZED = "scalarized";

    private final ObjectiveSpec spec;
    private final Feasibility feasibility;

    /** @param spec the objective */
    public CostAwareResults(ObjectiveSpec spec) {
        this.spec = spec;
        this.feasibility = new Feasibility(spec.bounds());
    }

    /** @return the result with the cost-aware metrics added (see the class doc) */
    public TrialResult annotate(TrialResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        double coreSeconds = CostMetric.CORE_SECONDS.of(result);
        if (!Double.isNaN(coreSeconds)) {
            metrics.put(CostMetric.CORE_SECONDS.key(), coreSeconds);
        }
        if (!spec.bounds().isEmpty()) {
            metrics.put(FEASIBLE, feasibility.isFeasible(result) ? 1.0 : 0.0);
            metrics.put(VIOLATION, feasibility.violation(result));
        }
        if (spec.mode() == CombinationMode.WEIGHTED) {
            metrics.put(SCALARIZED, scalarized(result));
        }
        return withMetrics(result, metrics);
    }

    /** @return the result as its strategy sees it (see the class doc) */
    public TrialResult told(TrialResult result) {
        if (result.state() == TrialState.FAILED) {
            return result;
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        String key = spec.metric().key();
        if (!feasibility.isFeasible(result)) {
            metrics.put(key, Double.NaN);
        } else if (spec.mode() == CombinationMode.WEIGHTED) {
            metrics.put(key, scalarized(result));
        }
        return withMetrics(result, metrics);
    }

    /**
     * s = m - sum_i w_i c_i for a maximized metric m, m + sum_i w_i c_i for a minimized one; NaN when m or
     * a weighted cost was not recorded.
     *
     * @return the weighted value of the trial
     */
    public double scalarized(TrialResult result) {
        double penalty = 0.0;
        for (Map.Entry<CostMetric, Double> weight : spec.weights().entrySet()) {
            penalty += weight.getValue() * weight.getKey().of(result);
        }
        double metric = spec.metric().value(result);
        return spec.metric().higherIsBetter() ? metric - penalty : metric + penalty;
    }

    private static TrialResult withMetrics(TrialResult r, Map<String, Double> metrics) {
        return new TrialResult(r.id(), r.round(), r.phase(), r.state(), r.configuration(), metrics, r.seed(),
                r.error(), r.curve());
    }
}
