package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sparkhpo.data.PreparedData;

/**
 * What a trial evaluates, where the data is (inside a Spark task, or in a plain loop): {@link TrialRunner}
 * trains a model by SGD; {@code objective.FunctionObjective} evaluates a known-optimum function instead.
 * Implementations are immutable, small and serializable (they travel in the task closure), and never throw
 * for a trial's own failure: it becomes a FAILED result.
 */
public interface Objective extends Serializable {
    /**
     * @param trial the trial
     * @param data the prepared (broadcast) data
     * @return the trial's result
     */
    TrialResult run(Trial trial, PreparedData data);

    /**
     * Runs a trial that may resume from, or write, a checkpoint (rung evaluations of successive halving and
     * Hyperband). Objectives without checkpoints ignore the store.
     *
     * @param trial the trial
     * @param data the prepared (broadcast) data
     * @param store where checkpoints live, or null when no trial needs one
     * @return the trial's result
     */
    default TrialResult run(Trial trial, PreparedData data, CheckpointStore store) {
        return run(trial, data);
    }

    /**
     * Says which trials may be evaluated together as one pack ({@link #runPack}): trials whose keys are equal.
     *
     * @param trial the trial
     * @return the trial's pack key, or empty when it is evaluated alone (the default)
     */
    default Optional<Object> packKey(Trial trial) {
        return Optional.empty();
    }

    /**
     * The cores the task that evaluates the trial must hold: the threads it trains on. Trials of one pack
     * share it (it is part of the {@link #packKey}).
     *
     * @param trial the trial
     * @return the threads, >= 1 (1 by default, and for a configuration that is invalid)
     */
    default int threads(Trial trial) {
        return 1;
    }

    /**
     * Evaluates trials of equal {@link #packKey} together, in one task. The default evaluates them one after
     * another; {@link TrialRunner} trains them as one pack.
     *
     * @param trials the trials
     * @param data the prepared (broadcast) data
     * @param store where checkpoints live, or null when no trial needs one
     * @return one result per trial, in the order of {@code trials}
     */
    default List<TrialResult> runPack(List<Trial> trials, PreparedData data, CheckpointStore store) {
        List<TrialResult> results = new ArrayList<>(trials.size());
        for (Trial trial : trials) {
            results.add(run(trial, data, store));
        }
        return results;
    }

    /**
     * {@link #runPack(List, PreparedData, CheckpointStore)} on more threads than the trials are configured with:
     * the cores a round with fewer packs than task slots lends each pack (SparkTrialEvaluator). The default,
     * for objectives that do not train, ignores them.
     *
     * @param trials the trials
     * @param data the prepared (broadcast) data
     * @param store where checkpoints live, or null when no trial needs one
     * @param threads the threads to train on, or at most the trials' own {@link #threads} to keep those
     * @return one result per trial, in the order of {@code trials}
     */
    default List<TrialResult> runPack(List<Trial> trials, PreparedData data, CheckpointStore store, int threads) {
        return runPack(trials, data, store);
    }
}
