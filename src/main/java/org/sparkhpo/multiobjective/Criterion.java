package org.sparkhpo.multiobjective;

import java.io.Serializable;
import java.util.Objects;
import org.sparkhpo.trial.TrialResult;

/**
 * One axis of a multi-objective comparison: a metric key of a trial and its direction. Values are compared
 * as minimized: {@link #minimized} negates a metric that is maximized, so every algorithm of this package
 * minimizes every axis.
 *
 * @param key the metric key in a trial's metrics, for example {@code val_accuracy} or {@code core_seconds}
 * @param higherIsBetter true when larger values are better
 */
public record Criterion(String key, boolean higherIsBetter) implements Serializable {
    public Criterion {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("criterion key must not be blank");
        }
    }

    /** @return the criterion of a (minimized) cost */
    public static Criterion of(CostMetric cost) {
        return new Criterion(cost.key(), false);
    }

    /** @return the raw value of this criterion for a trial, NaN when not recorded */
    public double value(TrialResult result) {
        return CostMetric.byKey(key).map(c -> c.of(result)).orElseGet(() -> result.metric(key));
    }

    /** @return the value oriented for minimization (negated when higher is better), NaN when not recorded */
    public double minimized(TrialResult result) {
        double v = value(result);
        return higherIsBetter ? -v : v;
    }
}
