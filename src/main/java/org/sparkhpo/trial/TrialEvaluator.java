package org.sparkhpo.trial;

import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates one round of trials. Implementations: a Spark job with one task per trial
 * ({@code spark.SparkTrialEvaluator}), or a plain loop ({@link LocalTrialEvaluator}) for tests and small jobs.
 */
public interface TrialEvaluator {
    /**
     * Runs every trial of a round and hands each result to {@code onResult} on the calling thread as soon as
     * it is known (so the journal can record it before the round ends). Returns when every trial has a result.
     *
     * @param round the round number, for descriptions
     * @param trials the trials of the round
     * @param onResult receives each result exactly once
     */
    void evaluate(int round, List<Trial> trials, Consumer<TrialResult> onResult);
}
