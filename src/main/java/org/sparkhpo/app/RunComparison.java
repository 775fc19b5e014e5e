package org.sparkhpo.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;

/**
 * This run's best validation objective next to the previous run's, for {@code summary.txt} and the nightly
 * job's regression exit code. The regression is measured in the objective's own units, positive when this run
 * is worse: previous - current for a metric to maximize (accuracy), current - previous for one to minimize.
 * A run in which no trial completed has regressed by infinity.
 *
 * @param previousRunId the previous run's id
 * @param previousTrialId the previous run's best trial id
 * @param objectiveKey the objective, for example {@code val_accuracy}
 * @param previous the previous run's best objective
 * @param current this run's best objective, NaN when no trial completed
 * @param regression how much worse this run is, in the objective's units (negative: better)
 */
public record RunComparison(String previousRunId, int previousTrialId, String objectiveKey, double previous,
                            double current, double regression) {

    /**
     * @param previous the previous run's best trial, or null when there is none
     * @param best this run's best trial
     * @param metric the objective
     * @return the comparison, empty without a previous run
     */
    static Optional<RunComparison> of(RunPlan.PreviousRun previous, Optional<TrialResult> best, Metric metric) {
        if (previous == null) {
            return Optional.empty();
        }
        String key = TrialRunner.objectiveKey(metric);
        double before = previous.best().metric(key);
        double now = best.map(result -> result.metric(key)).orElse(Double.NaN);
        double regression = Double.isNaN(now) ? Double.POSITIVE_INFINITY
                : metric.higherIsBetter() ? before - now : now - before;
        return Optional.of(new RunComparison(previous.runId(), previous.best().id(), key, before, now, regression));
    }

    /**
     * @param maxRegression the largest regression tolerated; negative disables the check
     * @return whether this run regressed by more than {@code maxRegression}
     */
    public boolean regressedBeyond(double maxRegression) {
        return maxRegression >= 0 && regression > maxRegression;
    }

    /** @return the lines {@code summary.txt} shows */
    List<String> lines() {
        String verdict = regression > 0 ? "worse" : regression < 0 ? "better" : "the same";
        return List.of(String.format(Locale.ROOT, "previous run  %s: best %s %.6g (trial %d); this run %.6g,"
                + " %s by %.6g", previousRunId, objectiveKey, previous, previousTrialId, current, verdict,
                Math.abs(regression)));
    }
}
