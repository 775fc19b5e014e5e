package org.sparkhpo.app;

import java.util.List;
import java.util.Objects;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;

/**
 * How a {@link TuningRun} starts: as a new run, or resuming the run directory of an earlier attempt (replaying
 * its journal); optionally with configurations to evaluate first (warm start) and the previous run's best trial
 * to compare with (the nightly job). Immutable.
 *
 * @param resume resume the existing run directory instead of creating a new one
 * @param warmStart configurations evaluated first, in round 0, as phase {@code warm-start}; ignored when
 *     resuming (the run's {@code run.json} holds the ones it started with)
 * @param previous the previous run to compare with in {@code summary.txt}, or null
 */
public record RunPlan(boolean resume, List<Configuration> warmStart, PreviousRun previous) {
    public RunPlan {
        warmStart = List.copyOf(warmStart);
    }

    /** @return a plan for a new run, without warm start or comparison */
    public static RunPlan fresh() {
        return new RunPlan(false, List.of(), null);
    }

    /** @return a plan that resumes the existing run directory */
    public static RunPlan resumed() {
        return new RunPlan(true, List.of(), null);
    }

    /**
     * The best trial of an earlier run, for the comparison in {@code summary.txt}.
     *
     * @param runId the earlier run's id
     * @param best its best trial
     */
    public record PreviousRun(String runId, TrialResult best) {
        public PreviousRun {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(best, "best");
        }
    }
}
