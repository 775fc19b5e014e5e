package org.sparkhpo.train;

import java.util.Arrays;

/**
 * The mutable state of one model's training run inside a {@link TrainingPack}: its parameters, momentum
 * velocity, schedule, early stopping and best epoch so far. The pack computes the products of all its models
 * at once; each model then takes its own step here, with its own hyperparameters:
 * <pre>
 *   G_m   = (1/n) dl/dS_m                        (the model's columns of the pack's scores)
 *   theta &lt;- MomentumUpdater.step(theta, G_m^T X (from the pack's gradient product), eta_m(t))
 * </pre>
 * where eta_m(t) is the model's own {@link LearningRateSchedule} at progress t = epoch + b / blocks.
 *
 * <p>Epoch averaging: the model an epoch delivers (validated, checkpointed as the best, and returned) is the
 * mean of the epoch's iterates, theta-bar = (1/S) sum_s theta_s, while training goes on from the last iterate.
 * With a constant step size SGD's last iterate keeps bouncing in a noise ball around the optimum whose size
 * grows with the step; averaging the iterates (Polyak and Juditsky 1992, "Acceleration of stochastic
 * approximation by averaging"; tail averaging as in Jain et al. 2018, "Parallelizing stochastic gradient
 * descent for least squares regression") removes most of that noise, so a large step size that makes fast
 * progress no longer leaves a random point of the ball as the model, and the final retraining, in another data
 * order, does not land on another. scikit-learn's {@code SGDClassifier(average=True)} does the same over the
 * whole run. The average restarts every epoch, so it needs no place in a {@link TrainingState}: a run resumed
 * at an epoch boundary continues exactly. Its cost is one pass over theta per step, next to the two GEMMs of
 * the mini-batch. A model with an L1 penalty keeps its last iterate: the L1 clipping makes it exactly sparse,
 * and sparsity is what the penalty is for.
 *
 * <p>A run is <em>active</em> while it has epochs left to its target and has neither failed (NaN, infinite
 * or exploding loss) nor been stopped early; an inactive run leaves the pack, the others go on.
 *
 * <p>Lifecycle: built inside a task for one trial, restored from a {@link TrainingState} when it resumes,
 * snapshotted at the end; not thread-safe.
 */
final class ModelRun {
    private final Loss loss;
    private final Metric metric;
    private final StoppingRules rules;
    private final HyperParameters hp;
    private final LearningRateSchedule schedule;
    private final MomentumUpdater updater;
    private final PatienceStopper patience;
    private final EarlyStopper stopper;
    private final int k;
    private final int d;
    private final int targetEpochs;
    private final int startEpoch;
    private final double[] theta;
    private final double[] average;
    private final double[] biasGradient;
    private final double[] batchGradient;
    private final double[] history;
    private double[] best;
    private double bestMetric = Double.NaN;
    private int bestEpoch;
    private double referenceLoss = Double.NaN;
    private double lastLoss = Double.NaN;
    private double epochLoss;
    private int epochsDone;
    private int stepsInEpoch;
    private boolean stopped;
    private String failure;
    private int historyLength;
    private long endNanos;

    /**
     * @param trainer the loss, metric, stopping rules and median curve
     * @param member the hyperparameters, start state and target epochs
     * @param k scores per row
     * @param d features per row
     * @param maxBatch the largest mini-batch
     */
    ModelRun(RunSettings trainer, PackMember member, int k, int d, int maxBatch) {
        this.loss = trainer.loss();
        this.metric = trainer.metric();
        this.rules = trainer.rules();
        this.hp = member.hyperParameters();
        this.k = k;
        this.d = d;
        this.targetEpochs = member.targetEpochs();
        this.schedule = hp.learningRateSchedule();
        this.theta = new double[k * d + k];
        this.average = new double[theta.length];
        this.biasGradient = new double[k];
        this.batchGradient = new double[maxBatch * k];
        this.updater = new MomentumUpdater(hp, k * d, theta.length);
        this.patience = new PatienceStopper(metric, rules.patience(), rules.minDelta());
        this.stopper = trainer.medians() == null ? patience : new MedianStopper(patience, metric, trainer.medians());
        this.history = new double[hp.epochs()];
        restore(member.start());
        this.startEpoch = epochsDone;
    }

    /** @return true while the run has epochs left and has neither failed nor stopped */
    boolean active() {
        return failure == null && !stopped && epochsDone < targetEpochs;
    }

    /** @return the validation metric of the run (the same for every run of a pack: the trainer's) */
    Metric metric() {
        return metric;
    }

    /** @return the epochs done so far */
    int epochsDone() {
        return epochsDone;
    }

    /** Starts an epoch: resets the epoch's loss sum and iterate average. */
    void beginEpoch() {
        epochLoss = 0.0;
        stepsInEpoch = 0;
    }

    /** Copies the k x d weights into the pack's weight matrix at {@code offset}. */
    void copyWeights(double[] packedWeights, int offset) {
        System.arraycopy(theta, 0, packedWeights, offset, k * d);
    }

    /**
     * Turns this model's columns of the pack's scores into the scaled score gradient (1/n) dl/dS in place,
     * and keeps the bias gradient. On a NaN or infinite loss the run fails and its columns become zeros.
     *
     * @param packed the pack's scores, row-major n x columns; this model's are columns [offset, offset + k)
     * @param columns the pack's columns
     * @param offset this model's first column
     * @param labels the training labels
     * @param from the block's first row
     * @param n the block's rows
     * @param batchNumber the block's position in the epoch, from 0 (for the failure message)
     * @return true when the run is still fine
     */
    boolean scoreGradient(double[] packed, int columns, int offset, double[] labels, int from, int n,
                          int batchNumber) {
        int biasStart = k * d;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                batchGradient[r * k + j] = packed[r * columns + offset + j] + theta[biasStart + j];
            }
        }
        double batchLoss = loss.gradient(batchGradient, labels, from, n, k, batchGradient);
        if (!Double.isFinite(batchLoss)) {
            failure = "training loss is " + batchLoss + " at mini-batch " + (batchNumber + 1);
            batchLoss = 0.0;
            Arrays.fill(batchGradient, 0, n * k, 0.0);
        } else if (Double.isNaN(referenceLoss)) {
            referenceLoss = Math.max(batchLoss / n, Double.MIN_NORMAL);
        }
        epochLoss += batchLoss;
        // One pass: scale, write back for the weight gradient's product, and sum the bias gradient 1^T G (each
        // column's sum over the rows in order).
        double inverse = 1.0 / n;
        Arrays.fill(biasGradient, 0.0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                double g = batchGradient[r * k + j] * inverse;
                packed[r * columns + offset + j] = g;
                biasGradient[j] += g;
            }
        }
        return failure == null;
    }

    /**
     * Takes the momentum step with this model's rows of the pack's weight gradient.
     *
     * @param packedGradient the pack's weight gradient, row-major columns x d
     * @param offset where this model's k x d rows start
     * @param progress the progress t in epochs (epoch + b / blocks) at which its schedule is read
     */
    void step(double[] packedGradient, int offset, double progress) {
        updater.step(theta, packedGradient, offset, biasGradient, 0, schedule.rate(progress));
        accumulateAverage();
    }

    /** theta-bar &lt;- theta-bar + (theta - theta-bar) / s after the epoch's s-th step (a running mean). */
    private void accumulateAverage() {
        stepsInEpoch++;
        if (stepsInEpoch == 1) {
            System.arraycopy(theta, 0, average, 0, theta.length);
            return;
        }
        double weight = 1.0 / stepsInEpoch;
        for (int i = 0; i < theta.length; i++) {
            average[i] += (theta[i] - average[i]) * weight;
        }
    }

    /**
     * @return the epoch's averaged iterate, or theta when the epoch took no step or the model has an L1 penalty
     *     (its L1 clipping zeroes weights exactly, and an average of iterates with different zeros would not
     *     be sparse)
     */
    double[] epochModel() {
        return stepsInEpoch == 0 || hp.l1() > 0.0 ? theta : average;
    }

    /**
     * Ends an epoch's training: the divergence check on the epoch's mean loss. A run that is still fine then
     * needs {@link #checkpoint(double)} with its epoch model's validation metric, or {@link #checkpoint()}
     * without validation data.
     *
     * @param rows the training rows
     * @return true when the run is still fine (and so waits for its checkpoint)
     */
    boolean endEpochTraining(int rows) {
        epochsDone++;
        if (failure != null) {
            failure = "epoch " + epochsDone + ": " + failure;
            return false;
        }
        lastLoss = epochLoss / rows;
        if (lastLoss > rules.divergenceFactor() * referenceLoss) {
            failure = "epoch " + epochsDone + ": training loss exploded to " + lastLoss + " (over "
                    + rules.divergenceFactor() + " x the initial " + referenceLoss + ")";
            return false;
        }
        return true;
    }

    /** Without validation data: the epoch's model is the checkpoint. */
    void checkpoint() {
        best = epochModel().clone();
        bestEpoch = epochsDone;
    }

    /**
     * Records the epoch model's validation metric: the best epoch and early stopping.
     *
     * @param value the validation metric of {@link #epochModel()}
     */
    void checkpoint(double value) {
        history[historyLength++] = value;
        if (stopper.record(epochsDone, value)) {
            best = epochModel().clone();
            bestEpoch = epochsDone;
            bestMetric = value;
        }
        stopped = stopper.shouldStop();
    }

    /** Notes the time the run left the pack (or the pack ended), once. */
    void markEnd(long nanos) {
        if (endNanos == 0L) {
            endNanos = nanos;
        }
    }

    /**
     * @param startNanos when the pack started
     * @return the run so far as a resumable segment: outcome, state, start epoch, median stop
     */
    ResumedTraining result(long startNanos) {
        double seconds = (endNanos - startNanos) / 1e9;
        TrainingOutcome outcome = new TrainingOutcome(failure, best, bestEpoch, epochsDone, bestMetric, lastLoss,
                seconds);
        boolean medianStopped = stopper instanceof MedianStopper rule && rule.triggered();
        return new ResumedTraining(outcome, snapshot(), startEpoch, medianStopped);
    }

    private void restore(TrainingState state) {
        if (state.theta().length != theta.length) {
            throw new IllegalArgumentException("training state: " + state.theta().length
                    + " parameters, but this model has " + theta.length);
        }
        System.arraycopy(state.theta(), 0, theta, 0, theta.length);
        System.arraycopy(state.velocity(), 0, updater.velocity(), 0, theta.length);
        best = state.bestTheta() == null ? null : state.bestTheta().clone();
        bestEpoch = state.bestEpoch();
        bestMetric = state.bestMetric();
        patience.restore(state.bestMetric(), state.epochsWithoutImprovement());
        referenceLoss = state.referenceLoss();
        lastLoss = state.lastTrainLoss();
        epochsDone = state.epochsDone();
        stopped = state.stopped();
        historyLength = state.history().length;
        System.arraycopy(state.history(), 0, history, 0, historyLength);
        updater.restoreL1(state.l1Total(), state.l1Applied());
    }

    private TrainingState snapshot() {
        return new TrainingState(theta.clone(), updater.velocity().clone(), epochsDone,
                best == null ? null : best.clone(), bestEpoch, bestMetric, patience.epochsWithoutImprovement(),
                referenceLoss, lastLoss, stopped, Arrays.copyOf(history, historyLength), updater.l1Total(),
                updater.l1Applied().clone());
    }
}
