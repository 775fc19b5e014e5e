package org.sparkhpo.multiobjective;

import java.util.List;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Whether a trial meets every cost bound of an {@link ObjectiveSpec}. The total violation is the sum of
 * the bounds' relative violations max(0, (c - max) / max); a trial is feasible when it is not FAILED and
 * its violation is 0. Without bounds every trial that did not fail is feasible.
 */
public final class Feasibility {
    private final List<CostBound> bounds;

    /** @param bounds the upper bounds */
    public Feasibility(List<CostBound> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /** @return the total relative violation, 0 when every bound is met */
    public double violation(TrialResult result) {
        return bounds.stream().mapToDouble(b -> b.violation(result)).sum();
    }

    /** @return true when the trial did not fail and meets every bound */
    public boolean isFeasible(TrialResult result) {
        return result.state() != TrialState.FAILED && violation(result) == 0.0;
    }
}
