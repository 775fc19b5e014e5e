package org.sparkhpo.trial;

import java.io.Serializable;
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
}
