package org.sparkhpo.train;

import java.util.Arrays;

/**
 * Everything needed to continue a training run exactly where it stopped, as if it had never stopped: the
 * resumable state that successive halving and Hyperband checkpoint at the end of a rung and resume with a
 * larger epoch budget.
 *
 * <p>What is deliberately <em>not</em> stored, because it is a function of stored values:
 * <ul>
 *   <li>The position in the learning-rate schedule: {@link LearningRateSchedule} depends only on the
 *       progress t (in epochs) and the schedule's epoch budget T, so {@code epochsDone} is the position.
 *       The resumed run must use the same T, which the bandit strategies guarantee by fixing the
 *       configuration's {@code epochs} to their maximum budget (so every rung of a configuration trains
 *       on one cosine or step curve).</li>
 *   <li>The shuffling RNG state: the order of epoch e is drawn from a fresh generator seeded by
 *       {@code TrialSeeds.of(orderSeed, e)} ({@link BlockOrder}), so the job's order seed and {@code epochsDone}
 *       are the shuffling state.</li>
 * </ul>
 *
 * <p>Arrays are owned by the state once built (the trainer hands out copies), so a state is effectively
 * immutable. {@link #initial(int)} is the state of a run that has not trained yet.
 *
 * @param theta the parameters after the last epoch (weights then biases); training continues from these
 * @param velocity the momentum velocity v of {@link MomentumUpdater} after the last epoch
 * @param epochsDone epochs trained so far (the progress t of the next epoch's first step)
 * @param bestTheta the parameters of the best epoch so far (the run's checkpoint), or null when none
 * @param bestEpoch the epoch count of {@code bestTheta} (0 when none)
 * @param bestMetric the validation metric of the best epoch (NaN when none or without validation data)
 * @param epochsWithoutImprovement the patience stopper's count of epochs since the last improvement
 * @param referenceLoss the first mini-batch's mean loss, the divergence check's reference (NaN before it)
 * @param lastTrainLoss the mean training loss of the last epoch (NaN before the first)
 * @param stopped whether early stopping ended the run; a stopped run trains no further epochs when resumed
 * @param history the validation metric after each epoch, epoch 1 first (length {@code epochsDone} with
 *     validation data, else empty): the learning curve the median stopping rule compares against
 * @param l1Total L1 with the cumulative penalty ({@link MomentumUpdater}): u, the total penalty per weight so far
 *     (0 without L1)
 * @param l1Applied L1: q_i, the penalty actually applied to each weight so far (empty without L1)
 */
public record TrainingState(
        double[] theta,
        double[] velocity,
        int epochsDone,
        double[] bestTheta,
        int bestEpoch,
        double bestMetric,
        int epochsWithoutImprovement,
        double referenceLoss,
        double lastTrainLoss,
        boolean stopped,
        double[] history,
        double l1Total,
        double[] l1Applied) {

    /** A state without L1 penalty history (no L1, or a checkpoint from before the cumulative penalty). */
    public TrainingState(double[] theta, double[] velocity, int epochsDone, double[] bestTheta, int bestEpoch,
                         double bestMetric, int epochsWithoutImprovement, double referenceLoss, double lastTrainLoss,
                         boolean stopped, double[] history) {
        this(theta, velocity, epochsDone, bestTheta, bestEpoch, bestMetric, epochsWithoutImprovement, referenceLoss,
                lastTrainLoss, stopped, history, 0.0, new double[0]);
    }

    public TrainingState {
        if (theta == null || velocity == null || history == null || l1Applied == null) {
            throw new IllegalArgumentException("training state: theta, velocity, history and L1 penalties must be"
                    + " given");
        }
        if (l1Applied.length > theta.length) {
            throw new IllegalArgumentException("training state: " + l1Applied.length + " L1 penalties for "
                    + theta.length + " parameters");
        }
        if (velocity.length != theta.length || (bestTheta != null && bestTheta.length != theta.length)) {
            throw new IllegalArgumentException("training state: theta (" + theta.length + "), velocity ("
                    + velocity.length + ") and best theta must have the same length");
        }
        if (epochsDone < 0 || bestEpoch < 0 || bestEpoch > epochsDone || epochsWithoutImprovement < 0) {
            throw new IllegalArgumentException("training state: epochs done (" + epochsDone + "), best epoch ("
                    + bestEpoch + ") and epochs without improvement (" + epochsWithoutImprovement
                    + ") must satisfy 0 <= best <= done");
        }
        if (history.length > epochsDone) {
            throw new IllegalArgumentException("training state: history has " + history.length
                    + " entries but only " + epochsDone + " epochs were done");
        }
    }

    /**
     * @param numParameters the length of theta (k * d + k)
     * @return the state before the first epoch: zero parameters and velocity, nothing measured
     */
    public static TrainingState initial(int numParameters) {
        return new TrainingState(new double[numParameters], new double[numParameters], 0, null, 0, Double.NaN,
                0, Double.NaN, Double.NaN, false, new double[0]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingState s && epochsDone == s.epochsDone && bestEpoch == s.bestEpoch
                && epochsWithoutImprovement == s.epochsWithoutImprovement && stopped == s.stopped
                && Double.compare(bestMetric, s.bestMetric) == 0
                && Double.compare(referenceLoss, s.referenceLoss) == 0
                && Double.compare(lastTrainLoss, s.lastTrainLoss) == 0
                && Arrays.equals(theta, s.theta) && Arrays.equals(velocity, s.velocity)
                && Arrays.equals(bestTheta, s.bestTheta) && Arrays.equals(history, s.history)
                && Double.compare(l1Total, s.l1Total) == 0 && Arrays.equals(l1Applied, s.l1Applied);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(theta) + epochsDone;
    }

    @Override
    public String toString() {
        return "TrainingState[" + theta.length + " parameters, " + epochsDone + " epochs done, best epoch "
                + bestEpoch + " (" + bestMetric + ")" + (stopped ? ", stopped" : "") + "]";
    }
}
