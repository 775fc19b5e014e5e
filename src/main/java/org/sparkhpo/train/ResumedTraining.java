package org.sparkhpo.train;

/**
 * What one resumable training segment produced ({@link SgdTrainer#trainFrom}).
 *
 * @param outcome the run as a whole after the segment, as {@link SgdTrainer#train} reports it:
 *     {@code epochsRun} and {@code bestEpoch} count from the run's start, {@code trainSeconds} is this
 *     segment's wall time only
 * @param state the state after the segment, ready to be checkpointed and resumed again
 * @param startEpoch the epochs already done when the segment started (0 for a fresh run)
 * @param medianStopped true when the median stopping rule ended the run in this segment
 */
public record ResumedTraining(TrainingOutcome outcome, TrainingState state, int startEpoch,
                              boolean medianStopped) {
    /** @return the epochs this segment trained: the increment over {@link #startEpoch()} */
    public int epochsTrained() {
        return state.epochsDone() - startEpoch;
    }
}
