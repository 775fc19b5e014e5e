package org.sparkhpo.trial;

import java.util.List;
import java.util.Optional;
import org.sparkhpo.train.Metric;

/** Reduces trial results to the best one: the COMPLETE trial with the best objective, ties to the lower id. */
public final class BestTrial {
    private BestTrial() {
    }

    /**
     * @param results results of any states
     * @param metric the objective and its direction
     * @return the best COMPLETE result, empty when none completed with a finite objective
     */
    public static Optional<TrialResult> of(List<TrialResult> results, Metric metric) {
        String key = TrialRunner.objectiveKey(metric);
        TrialResult best = null;
        for (TrialResult result : results) {
            double value = result.metric(key);
            if (result.state() != TrialState.COMPLETE || !Double.isFinite(value)) {
                continue;
            }
            if (best == null || metric.isBetter(value, best.metric(key))
                    || (value == best.metric(key) && result.id() < best.id())) {
                best = result;
            }
        }
        return Optional.ofNullable(best);
    }
}
