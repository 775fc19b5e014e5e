package org.sparkhpo.train;

import java.util.Arrays;
import org.sparkhpo.data.LabeledData;

/**
 * Mini-batch momentum SGD for a linear model (MLlib's {@code GradientDescent} with momentum and early
 * stopping). Each epoch visits the training rows as contiguous blocks of {@code batchSize} rows in a fresh
 * seeded block order ({@link BlockOrder}; a partial block, when the size does not divide the rows, is a
 * smaller batch); each mini-batch takes one {@link MomentumUpdater} step on the
 * mean loss of the batch at step size eta_t from the {@link LearningRateSchedule}. After every epoch the
 * validation metric is measured; the parameters of the best epoch are kept as the run's checkpoint and a
 * {@link PatienceStopper} may end the run early.
 *
 * <p>The order of epoch e is {@link BlockOrder#shuffled}{@code (seed, e)}, so it depends only on the run's
 * (data order) seed and the epoch number. A NaN or infinite loss, or an epoch mean loss above
 * {@code divergenceFactor} times the first mini-batch's, ends the run as failed with the epoch and reason.
 *
 * <p>Resumption ({@link #trainFrom}): a run can stop after any epoch with its {@link TrainingState} and be
 * continued later, in another task, to a larger epoch count; the continued run is the same computation as
 * an uninterrupted one (the schedule depends on progress only, the shuffle on (seed, epoch) only).
 * {@link #withMedianRule} adds the {@link MedianStopper} to the patience rule.
 *
 * <p>Lifecycle: immutable and cheap; one {@link #train} call per trial builds its own buffers and state.
 */
public final class SgdTrainer {
    private final Loss loss;
    private final Metric metric;
    private final StoppingRules rules;
    private final int numClasses;
    private final boolean regression;
    /** m_s of the median stopping rule, or null when the rule is off. */
    private final double[] medians;

    /**
     * @param lossType the loss
     * @param metric the validation metric and its direction
     * @param rules patience, minimum improvement and divergence threshold
     * @param numClasses number of classes (2 for binary, 1 for regression)
     */
    public SgdTrainer(LossType lossType, Metric metric, StoppingRules rules, int numClasses) {
        this(lossType.newLoss(), metric, rules, numClasses, !lossType.task().isClassification(), null);
    }

    private SgdTrainer(Loss loss, Metric metric, StoppingRules rules, int numClasses, boolean regression,
                       double[] medians) {
        this.loss = loss;
        this.metric = metric;
        this.rules = rules;
        this.numClasses = numClasses;
        this.regression = regression;
        this.medians = medians;
    }

    /**
     * @param medianCurve m_s of {@link MedianStopper} at index s - 1 (NaN where the rule does not apply)
     * @return a trainer like this one that also stops a run by the median stopping rule
     */
    public SgdTrainer withMedianRule(double[] medianCurve) {
        return new SgdTrainer(loss, metric, rules, numClasses, regression, medianCurve.clone());
    }

    /** @return the number of scores per row of models this trainer builds */
    public int outputs() {
        return loss.outputs(numClasses);
    }

    /**
     * Trains from zero parameters.
     *
     * @param train the training rows
     * @param validation the validation rows, or null to train the full budget and keep the last epoch
     * @param hyperParameters the step size, momentum, batch size, budget, penalties and schedule
     * @param seed the run's seed
     * @return the checkpoint and what happened
     */
    public TrainingOutcome train(LabeledData train, LabeledData validation, HyperParameters hyperParameters,
                                 long seed) {
        return train(train, validation, hyperParameters, seed, hyperParameters.epochs());
    }

    /**
     * Trains from zero parameters for at most {@code stopAfter} epochs of the budget: the schedule still
     * spans the full budget, so the first {@code stopAfter} epochs are exactly those of a full run. This
     * is how the final model replays a trial up to its best epoch.
     *
     * @param train the training rows
     * @param validation the validation rows, or null to keep the last epoch
     * @param hyperParameters the hyperparameters (their epoch budget shapes the schedule)
     * @param seed the run's seed
     * @param stopAfter the most epochs to run, 1 .. budget
     * @return the checkpoint and what happened
     */
    public TrainingOutcome train(LabeledData train, LabeledData validation, HyperParameters hyperParameters,
                                 long seed, int stopAfter) {
        if (stopAfter < 1 || stopAfter > hyperParameters.epochs()) {
            throw new IllegalArgumentException("stopAfter: " + stopAfter + " must be in [1, "
                    + hyperParameters.epochs() + "]");
        }
        long start = System.nanoTime();
        Run run = new Run(train, validation, hyperParameters, seed);
        return run.execute(start, stopAfter);
    }

    /**
     * Continues a run from {@code start} until {@code targetEpochs} epochs are done (or early stopping ends
     * it), and returns its new state with the outcome. With the same data, hyperparameters and seed,
     * training to 3 epochs and then from that state to 9 gives the parameters of 9 uninterrupted epochs.
     * A state that early stopping already ended trains no further epoch.
     *
     * @param start the state to continue, {@link TrainingState#initial} for a fresh run
     * @param targetEpochs the epoch count to reach, in [start.epochsDone(), budget]
     * @param train the training rows
     * @param validation the validation rows, or null to keep the last epoch
     * @param hyperParameters the hyperparameters; their epoch budget T shapes the schedule, so every
     *     segment of one run must be given the same budget
     * @param seed the run's seed (the same for every segment)
     * @return the outcome of the run so far and its state
     */
    public ResumedTraining trainFrom(TrainingState start, int targetEpochs, LabeledData train,
                                     LabeledData validation, HyperParameters hyperParameters, long seed) {
        if (targetEpochs < start.epochsDone() || targetEpochs > hyperParameters.epochs()) {
            throw new IllegalArgumentException("target epochs: " + targetEpochs + " must be in ["
                    + start.epochsDone() + ", " + hyperParameters.epochs() + "]");
        }
        long begin = System.nanoTime();
        Run run = new Run(train, validation, hyperParameters, seed);
        run.restore(start);
        TrainingOutcome outcome = run.execute(begin, targetEpochs);
        boolean medianStopped = run.stopper instanceof MedianStopper rule && rule.triggered();
        return new ResumedTraining(outcome, run.snapshot(), start.epochsDone(), medianStopped);
    }

    /** @return an evaluator of {@code data} for models of this trainer */
    public ModelEvaluator evaluator(LabeledData data) {
        return new ModelEvaluator(data, outputs(), regression);
    }

    /** The mutable state of one run: parameters, velocity, buffers, order, best so far. */
    private final class Run {
        private final Kernel kernel;
        private final ModelEvaluator validationEvaluator;
        private final HyperParameters hp;
        private final LearningRateSchedule schedule;
        private final MomentumUpdater updater;
        private final PatienceStopper patience;
        private final EarlyStopper stopper;
        private final long seed;
        private final int rows;
        private final int k;
        private final BlockOrder order;
        private final double[] labels;
        private final int d;
        private final double[] theta;
        private final double[] gradient;
        private final double[] scores;
        private double[] best;
        private double bestMetric = Double.NaN;
        private int bestEpoch;
        private double referenceLoss = Double.NaN;
        private double lastLoss = Double.NaN;
        private int epochsDone;
        private boolean stopped;
        private final double[] history;
        private int historyLength;

        Run(LabeledData train, LabeledData validation, HyperParameters hp, long seed) {
            this.k = outputs();
            this.d = train.features().columns();
            this.labels = train.labels();
            this.hp = hp;
            this.seed = seed;
            this.rows = train.rows();
            this.kernel = Kernel.of(train.features(), hp.batchSize(), k);
            this.validationEvaluator = validation == null ? null : evaluator(validation);
            this.schedule = hp.learningRateSchedule();
            this.theta = new double[k * d + k];
            this.gradient = new double[theta.length];
            this.updater = new MomentumUpdater(hp, k * d, theta.length);
            this.patience = new PatienceStopper(metric, rules.patience(), rules.minDelta());
            this.stopper = medians == null ? patience : new MedianStopper(patience, metric, medians);
            this.history = new double[hp.epochs()];
            this.order = new BlockOrder(rows, hp.batchSize());
            this.scores = new double[Math.min(hp.batchSize(), rows) * k];
        }

        TrainingOutcome execute(long startNanos, int stopAfter) {
            int epoch = epochsDone;
            String failure = null;
            while (epoch < stopAfter && failure == null && !stopped) {
                failure = epoch(epoch);
                epoch++;
                if (failure == null && checkpoint(epoch)) {
                    stopped = true;
                }
            }
            epochsDone = epoch;
            if (failure != null) {
                failure = "epoch " + epoch + ": " + failure;
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new TrainingOutcome(failure, best, bestEpoch, epoch, bestMetric, lastLoss, seconds);
        }

        /** Runs one epoch over the blocks in their seeded order; returns a failure reason or null. */
        private String epoch(int epoch) {
            int[] blocks = order.shuffled(seed, epoch);
            double total = 0.0;
            for (int b = 0; b < blocks.length; b++) {
                int from = order.from(blocks[b]);
                int to = order.to(blocks[b]);
                double batchLoss = miniBatch(from, to, schedule.rate(epoch + b / (double) blocks.length));
                if (!Double.isFinite(batchLoss)) {
                    return "training loss is " + batchLoss + " at mini-batch " + (b + 1);
                }
                if (Double.isNaN(referenceLoss)) {
                    referenceLoss = Math.max(batchLoss / (to - from), Double.MIN_NORMAL);
                }
                total += batchLoss;
            }
            lastLoss = total / rows;
            if (lastLoss > rules.divergenceFactor() * referenceLoss) {
                return "training loss exploded to " + lastLoss + " (over " + rules.divergenceFactor()
                        + " x the initial " + referenceLoss + ")";
            }
            return null;
        }

        /** One step on the contiguous rows [from, to); returns the batch's summed loss before the step. */
        private double miniBatch(int from, int to, double eta) {
            int n = to - from;
            kernel.modelScores(from, to, theta, k, d, scores);
            double batchLoss = loss.gradient(scores, labels, from, n, k, scores);
            double inverse = 1.0 / n;
            for (int i = 0; i < n * k; i++) {
                scores[i] *= inverse;
            }
            kernel.gradient(from, to, scores, k, gradient);
            Kernel.biasGradient(scores, n, k, gradient, k * d);
            updater.step(theta, gradient, eta);
            return batchLoss;
        }

        /** Measures the validation metric after {@code epochsDone}; returns true to stop early. */
        private boolean checkpoint(int epochsDone) {
            if (validationEvaluator == null) {
                best = theta.clone();
                bestEpoch = epochsDone;
                return false;
            }
            double value = validationEvaluator.evaluate(theta, metric);
            history[historyLength++] = value;
            if (stopper.record(epochsDone, value)) {
                best = theta.clone();
                bestEpoch = epochsDone;
                bestMetric = value;
            }
            return stopper.shouldStop();
        }

        /** Puts this fresh run where {@code state} left off; the schedule and shuffles need nothing more. */
        void restore(TrainingState state) {
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
        }

        /** @return a copy of the current state, for a checkpoint */
        TrainingState snapshot() {
            return new TrainingState(theta.clone(), updater.velocity().clone(), epochsDone,
                    best == null ? null : best.clone(), bestEpoch, bestMetric, patience.epochsWithoutImprovement(),
                    referenceLoss, lastLoss, stopped, Arrays.copyOf(history, historyLength));
        }
    }
}
