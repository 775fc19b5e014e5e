package org.sparkhpo.strategy;

import java.util.Objects;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Reads the value a derivative-free method minimizes from a trial result: the objective metric, negated
 * when higher is better ({@code Metric.higherIsBetter()}). A FAILED trial, or one without a finite objective,
 * is +infinity: worse than any real value, so it is never dropped and never chosen. The methods here only
 * compare values (Nelder–Mead, pattern search) or rank them (CMA-ES), so +infinity needs no margin.
 *
 * @param key the metric key of the objective, for example {@code val_accuracy}
 * @param higherIsBetter the metric's direction
 */
public record MinimizedObjective(String key, boolean higherIsBetter) {
    public MinimizedObjective {
        Objects.requireNonNull(key, "key");
    }

    /** @return the value to minimize for {@code result} */
    public double of(TrialResult result) {
        double metric = result.metric(key);
        if (result.state() == TrialState.FAILED || !Double.isFinite(metric)) {
            return Double.POSITIVE_INFINITY;
        }
        return higherIsBetter ? -metric : metric;
    }
}
