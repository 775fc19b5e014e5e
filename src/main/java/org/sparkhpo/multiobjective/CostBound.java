package org.sparkhpo.multiobjective;

import java.io.Serializable;
import java.util.Objects;
import org.sparkhpo.trial.TrialResult;

/**
 * An upper bound on a cost: a trial is feasible for it when cost <= max. Costs are non-negative, so a bound
 * must be > 0 (a bound <= 0 admits nothing, or only free trials, and is rejected).
 *
 * @param cost the bounded cost
 * @param max the largest admitted value
 */
public record CostBound(CostMetric cost, double max) implements Serializable {
    public CostBound {
        Objects.requireNonNull(cost, "cost");
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(max + " must be a finite number > 0 (an upper bound on "
                    + cost.key() + ")");
        }
    }

    /** @return the bound as users write it, for example {@code core_seconds <= 30.0} */
    @Override
    public String toString() {
        return cost.key() + " <= " + max;
    }

    /**
     * The relative violation max(0, (c - max) / max); an unrecorded (NaN) cost cannot be shown to meet the
     * bound and counts as a violation of 1.
     *
     * @return 0 when the trial meets the bound, else > 0
     */
    public double violation(TrialResult result) {
        double c = cost.of(result);
        if (Double.isNaN(c)) {
            return 1.0;
        }
        return Math.max(0.0, (c - max) / max);
    }
}
