package org.sparkhpo.train;

/**
 * The result of one training run.
 *
 * @param failure why the run failed (NaN, infinite or exploding loss, with the epoch), or null
 * @param theta the checkpoint: the parameters after the best epoch (after the last epoch when there is
 *     no validation data); null when the run failed before any epoch ended
 * @param bestEpoch the number of epochs at the checkpoint (0 when none)
 * @param epochsRun epochs trained, including those after the best
 * @param bestMetric the validation metric at the checkpoint (NaN without validation data)
 * @param lastTrainLoss mean training loss (with penalties excluded) of the last epoch run
 * @param trainSeconds wall time of the run
 */
public record TrainingOutcome(
        String failure,
        double[] theta,
        int bestEpoch,
        int epochsRun,
        double bestMetric,
        double lastTrainLoss,
        double trainSeconds) {

    /** @return true when the run failed */
    public boolean failed() {
        return failure != null;
    }
}
