package org.sparkhpo.train;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Packs ({@link #trainPack}): several models with the same batch size train together, one pair of matrix
 * products per mini-batch for all of them ({@link TrainingPack}); a single run is a pack of one. With
 * {@code threads} T > 1 each mini-batch's products are split across T threads ({@link ParallelKernel}).
 *
 * <p>Lifecycle: immutable and cheap; each call builds its own buffers and state.
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
     * @param seed the data order seed ({@link BlockOrder#seedOf} of the job seed in a job)
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
     * @param seed the data order seed
     * @param stopAfter the most epochs to run, 1 .. budget
     * @return the checkpoint and what happened
     */
    public TrainingOutcome train(LabeledData train, LabeledData validation, HyperParameters hyperParameters,
                                 long seed, int stopAfter) {
        if (stopAfter < 1 || stopAfter > hyperParameters.epochs()) {
            throw new IllegalArgumentException("stopAfter: " + stopAfter + " must be in [1, "
                    + hyperParameters.epochs() + "]");
        }
        TrainingState start = TrainingState.initial(numParameters(train));
        return trainPack(List.of(new PackMember(hyperParameters, start, stopAfter)), train, validation, seed)
                .get(0).outcome();
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
     * @param seed the data order seed (the same for every segment)
     * @return the outcome of the run so far and its state
     */
    public ResumedTraining trainFrom(TrainingState start, int targetEpochs, LabeledData train,
                                     LabeledData validation, HyperParameters hyperParameters, long seed) {
        return trainPack(List.of(new PackMember(hyperParameters, start, targetEpochs)), train, validation, seed)
                .get(0);
    }

    /**
     * Trains several models together as one {@link TrainingPack}: one pair of matrix products per mini-batch
     * for all of them, then each model's own step. Every member sees the blocks in the order of
     * {@code seed} (common random numbers), so each result equals that of {@link #trainFrom} for the member
     * alone with the same seed, up to the summation order inside BLAS. Members leave the pack when they
     * reach their target, stop early or fail; the others go on.
     *
     * @param members the models; all with the same batch size, threads and epochs done
     * @param train the training rows
     * @param validation the validation rows, or null to keep each member's last epoch
     * @param seed the data order seed
     * @return each member's outcome and state, in the order of {@code members}; a member's
     *     {@code trainSeconds} is the pack's wall time until the member left it
     * @throws IllegalArgumentException when members differ in batch size, threads or epochs done, or a state
     *     does not fit the model
     */
    public List<ResumedTraining> trainPack(List<PackMember> members, LabeledData train, LabeledData validation,
                                           long seed) {
        if (members.isEmpty()) {
            return List.of();
        }
        PackMember first = members.get(0);
        for (PackMember member : members) {
            if (member.hyperParameters().batchSize() != first.hyperParameters().batchSize()
                    || member.hyperParameters().threads() != first.hyperParameters().threads()
                    || member.start().epochsDone() != first.start().epochsDone()) {
                throw new IllegalArgumentException("pack: every member needs the same batch size, threads and"
                        + " epochs done, got " + describe(member) + " and " + describe(first));
            }
        }
        long startNanos = System.nanoTime();
        int k = outputs();
        int d = train.features().columns();
        int maxBatch = Math.min(first.hyperParameters().batchSize(), train.rows());
        RunSettings settings = new RunSettings(loss, metric, rules, medians);
        List<ModelRun> runs = new ArrayList<>(members.size());
        for (PackMember member : members) {
            runs.add(new ModelRun(settings, member, k, d, maxBatch));
        }
        ModelEvaluator validationEvaluator = validation == null ? null : evaluator(validation);
        new TrainingPack(runs, train, validationEvaluator, first.hyperParameters().batchSize(), seed, k,
                first.hyperParameters().threads()).run();
        List<ResumedTraining> results = new ArrayList<>(runs.size());
        for (ModelRun run : runs) {
            results.add(run.result(startNanos));
        }
        return results;
    }

    private static String describe(PackMember member) {
        return member.hyperParameters().batchSize() + "/" + member.hyperParameters().threads() + "/"
                + member.start().epochsDone();
    }

    /** @return the number of parameters (k d + k) of a model of this trainer on {@code data} */
    public int numParameters(LabeledData data) {
        return outputs() * (data.features().columns() + 1);
    }

    /** @return an evaluator of {@code data} for models of this trainer */
    public ModelEvaluator evaluator(LabeledData data) {
        return new ModelEvaluator(data, outputs(), regression);
    }
}
