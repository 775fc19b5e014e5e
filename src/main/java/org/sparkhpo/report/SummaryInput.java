package org.sparkhpo.report;

import java.util.List;
import java.util.Objects;
import org.sparkhpo.trial.TrialResult;

/**
 * What {@link SummaryWriter} needs to describe a finished run. Immutable.
 *
 * @param runId the run id
 * @param strategy the search strategy's name, for example {@code random} or {@code hyperband}
 * @param objectiveKey the metric that ranks trials, as named in {@link TrialResult#metrics()}
 * @param higherIsBetter whether a larger objective is better (accuracy) or a smaller one (loss)
 * @param trials every trial of the run, in record order
 * @param best the best trial, or null when every trial failed
 * @param wallSeconds the run's wall-clock time in seconds
 * @param extraLines further lines to append verbatim, for example theory estimates; may be empty
 */
public record SummaryInput(
        String runId,
        String strategy,
        String objectiveKey,
        boolean higherIsBetter,
        List<TrialResult> trials,
        BestRecord best,
        double wallSeconds,
        List<String> extraLines) {

    public SummaryInput {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(objectiveKey, "objectiveKey");
        trials = List.copyOf(trials);
        extraLines = List.copyOf(extraLines);
        if (!(wallSeconds >= 0)) {
            throw new IllegalArgumentException("summary: wallSeconds (" + wallSeconds + ") must be >= 0");
        }
    }
}
