package org.sparkhpo.trial;

/**
 * Where trials' {@link Checkpoint}s are kept, one per trial id. Written inside the task that trained the
 * trial, read inside the task of the trial that resumes it, so implementations must reach the same storage
 * from every executor ({@code report.HadoopCheckpointStore} under the run directory).
 *
 * <p>Lifecycle: built where it is used (on an executor, per task, from a path string); holds no open
 * streams between calls.
 */
public interface CheckpointStore {
    /**
     * Writes the checkpoint atomically: a reader finds the whole checkpoint or none, never a partial one. Called
     * from several threads at once for the checkpoints of one pack ({@link CheckpointWrites}).
     *
     * @param checkpoint the checkpoint, stored under its trial id (replacing an earlier one)
     */
    void write(Checkpoint checkpoint);

    /**
     * @param trialId the trial whose checkpoint to read
     * @return the checkpoint
     * @throws IllegalStateException when there is none or it cannot be read
     */
    Checkpoint read(int trialId);
}
