package org.sparkhpo.trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sparkhpo.train.Metric;

/**
 * Reduces trial results to the best one: the COMPLETE trial with the best objective; ties (common for accuracy on a
 * small validation set) go to the lower {@link #TIE_BREAKER} (validation log-loss, measured for accuracy objectives
 * with logistic or softmax loss), then to the lower final training loss ({@code train_loss}; hinge has no
 * log-loss), then to the lower id.
 */
public final class BestTrial {
    /** The metric that breaks ties on the objective first: validation log-loss, lower is better. */
    public static final String TIE_BREAKER = "val_log_loss";

    /** How ties are broken, one line for summary.txt. */
    public static final String TIE_RULE = "ties on the objective go to the lower val_log_loss (accuracy with"
            + " logistic or softmax), then the lower train_loss, then the lower trial id";

    private BestTrial() {
    }

    /**
     * @param results results of any states
     * @param metric the objective and its direction
     * @return the best COMPLETE result, empty when none completed with a finite objective
     */
    public static Optional<TrialResult> of(List<TrialResult> results, Metric metric) {
        List<TrialResult> ranked = ranked(results, metric);
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    private static double orWorst(double lowerIsBetter) {
        return Double.isFinite(lowerIsBetter) ? lowerIsBetter : Double.MAX_VALUE;
    }

    /**
     * @param results results of any states
     * @param metric the objective and its direction
     * @return the COMPLETE results with a finite objective, best first (ties broken as the class doc says)
     */
    public static List<TrialResult> ranked(List<TrialResult> results, Metric metric) {
        String key = TrialRunner.objectiveKey(metric);
        List<TrialResult> ranked = new ArrayList<>();
        for (TrialResult result : results) {
            if (result.state() == TrialState.COMPLETE && Double.isFinite(result.metric(key))) {
                ranked.add(result);
            }
        }
        Comparator<TrialResult> byObjective = Comparator.comparingDouble(r -> r.metric(key));
        ranked.sort((metric.higherIsBetter() ? byObjective.reversed() : byObjective)
                .thenComparingDouble(r -> orWorst(r.metric(TIE_BREAKER)))
                .thenComparingDouble(r -> orWorst(r.metric(MetricKeys.TRAIN_LOSS)))
                .thenComparingInt(TrialResult::id));
        return ranked;
    }
}
