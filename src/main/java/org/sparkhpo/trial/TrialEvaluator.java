package org.sparkhpo.trial;

import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates one round of trials. Implementations: a Spark job with one task per trial
 * ({@code spark.SparkTrialEvaluator}), or a plain loop ({@link LocalTrialEvaluator}) for tests and small jobs.
 */
public interface TrialEvaluator {
    /**
     * Runs every trial of a round and hands the results to {@code onResults} on the calling thread as soon as they
     * are known (so the journal can record them before the round ends), those known together in one list (a
     * pack's, or every pack that ended while the last list was handled: the journal then writes them at once).
     * Returns when every trial has a result.
     *
     * @param round the round number, for descriptions
     * @param trials the trials of the round
     * @param onResults receives each result exactly once, in non-empty lists
     */
    void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResults);
}
