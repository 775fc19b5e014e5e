package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sparkhpo.data.FloatCopies;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.ModelEvaluator;
import org.sparkhpo.train.PackMember;
import org.sparkhpo.train.ResumedTraining;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.train.TrainingState;

/**
 * Runs trials where the data is (inside a Spark task, or in a plain loop in tests): lays each trial's
 * configuration over the fixed hyperparameters, trains, measures inference cost, and turns everything,
 * failures included, into a {@link TrialResult}. It never throws for a trial's own failure.
 *
 * <p>Packs ({@link #runPack}): trials with the same batch size (and the same median curve) train together
 * through {@link SgdTrainer#trainPack}, one pair of matrix products per mini-batch for all of them. Every trial
 * of a job sees the training rows in the order of one data order seed ({@code orderSeed}, derived from the
 * job seed alone by {@code train.BlockOrder.seedOf}): common random numbers, so a trial's result is the same
 * whether it trained alone or in any pack, and comparisons between configurations are not blurred by
 * different data orders. Inside a task a pack is split by the epochs its members have done (a resumed rung
 * starts where its checkpoint ended), since the epoch chooses the data order.
 *
 * <p>Shipped to executors inside the task closure; immutable and small (the data is passed in, from the
 * broadcast).
 *
 * @param lossType the loss
 * @param metric the objective metric on validation
 * @param stopping early stopping and divergence rules
 * @param fixed the hyperparameters used where a configuration sets nothing
 * @param orderSeed the data order seed of the job ({@code BlockOrder.seedOf(job seed)})
 */
public record TrialRunner(LossType lossType, Metric metric, StoppingRules stopping, HyperParameters fixed,
                          long orderSeed) implements Serializable, Objective {

    /** Metric key of the objective on validation, for example {@code val_accuracy}. */
    public static String objectiveKey(Metric metric) {
        return MetricKeys.objective(metric);
    }

    /**
     * @param trial the trial
     * @return its {@code threads} (the fixed value unless the configuration sets one), 1 when the configuration
     *     is invalid (the trial then fails alone)
     */
    @Override
    public int threads(Trial trial) {
        try {
            return fixed.with(trial.configuration()).threads();
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * Trials with the same batch size, threads, precision and median curve (or none) may train as one pack.
     *
     * @param trial the trial
     * @return the key, or empty when the configuration is invalid (the trial then fails alone)
     */
    @Override
    public Optional<Object> packKey(Trial trial) {
        try {
            HyperParameters hyperParameters = fixed.with(trial.configuration());
            List<Double> medians = trial.plan().medianRule()
                    ? Arrays.stream(trial.plan().medians()).boxed().toList() : List.of();
            return Optional.of(List.of(hyperParameters.batchSize(), hyperParameters.threads(),
                    hyperParameters.precision(), medians));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs a trial with a {@link TrialPlan}: a rung evaluation of successive halving or Hyperband (trains
     * from the checkpoint of trial {@code plan.resumes()}, or from zero, until {@code plan.budgetEpochs()}
     * epochs are done, then checkpoints when the budget is below the configuration's) or a trial under the
     * median stopping rule (ends PRUNED when the rule stops it), or a plain trial. Besides the usual metrics,
     * a rung reports {@code rung}, {@code budget_epochs}, {@code resumed_from_trial} (-1 when none),
     * {@code resumed_from_epoch} and {@code epochs_trained} (the epochs this trial trained itself;
     * {@code epochs} and {@code best_epoch} count from the run's start).
     *
     * @param trial the trial
     * @param data the prepared data
     * @param store where checkpoints are read and written; may be null for trials that need none
     * @return the trial's result, FAILED with the reason when training diverged or anything threw
     */
    @Override
    public TrialResult run(Trial trial, PreparedData data, CheckpointStore store) {
        return runPack(List.of(trial), data, store).get(0);
    }

    /**
     * @param trial the trial
     * @param data the prepared data
     * @return the trial's result, FAILED with the reason when training diverged or anything threw
     */
    @Override
    public TrialResult run(Trial trial, PreparedData data) {
        return run(trial, data, null);
    }

    /**
     * Trains trials of one {@link #packKey} together: each is prepared (hyperparameters, start state from its
     * checkpoint), those with equal epochs done train as one pack, and each gets its own result, checkpoint
     * and inference cost, as {@link #run(Trial, PreparedData, CheckpointStore)} gives it alone. A trial whose
     * preparation throws fails alone; {@code train_seconds} of a packed trial is the pack's wall time until the
     * trial left it, and {@code pack_size} says how many trials trained together. Under k-fold
     * cross-validation the pack trains on every fold in turn and each trial's results are combined by
     * {@link FoldAverage} (the objective is the mean over the folds).
     *
     * @param trials trials of equal pack key
     * @param data the prepared data
     * @param store where checkpoints are read and written; may be null for trials that need none
     * @return one result per trial, in the order of {@code trials}
     */
    @Override
    public List<TrialResult> runPack(List<Trial> trials, PreparedData data, CheckpointStore store) {
        return runPack(trials, data, store, 0);
    }

    /**
     * {@link #runPack(List, PreparedData, CheckpointStore)} on {@code threads} threads when that exceeds the
     * trials' own: the cores lent by a round with fewer packs than task slots. The results record the threads
     * the trials trained on ({@code threads}, so {@code core_seconds} counts the lent cores).
     *
     * @param trials trials of equal pack key
     * @param data the prepared data
     * @param store where checkpoints are read and written; may be null for trials that need none
     * @param threads the threads to train on; at most the trials' own threads keeps those
     * @return one result per trial, in the order of {@code trials}
     */
    @Override
    public List<TrialResult> runPack(List<Trial> trials, PreparedData data, CheckpointStore store, int threads) {
        if (data.foldCount() == 1) {
            return runOnSplit(trials, data, store, threads);
        }
        List<List<TrialResult>> byFold = new ArrayList<>(data.foldCount());
        for (PreparedData fold : data.folds()) {
            byFold.add(runOnSplit(trials, fold, store, threads));
        }
        List<TrialResult> results = new ArrayList<>(trials.size());
        for (int i = 0; i < trials.size(); i++) {
            int trial = i;
            results.add(FoldAverage.combine(trials.get(i), byFold.stream().map(fold -> fold.get(trial)).toList(),
                    objectiveKey(metric)));
        }
        return results;
    }

    /** Trains the trials on one training / validation split (the only one, or one fold's). */
    private List<TrialResult> runOnSplit(List<Trial> trials, PreparedData data, CheckpointStore store,
                                         int threads) {
        TrialResult[] results = new TrialResult[trials.size()];
        Map<Integer, List<Integer>> byStartEpoch = new TreeMap<>();
        List<PackMember> members = new ArrayList<>(trials.size());
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            try {
                members.add(member(trial, data, store, threads));
                byStartEpoch.computeIfAbsent(members.get(i).start().epochsDone(), e -> new ArrayList<>()).add(i);
            } catch (RuntimeException | OutOfMemoryError e) {
                members.add(null);
                results[i] = TrialResult.failed(trial, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        new LinkedHashMap<>());
            }
        }
        for (List<Integer> pack : byStartEpoch.values()) {
            trainPack(pack, trials, members, data, store, results);
        }
        return Arrays.asList(results);
    }

    private PackMember member(Trial trial, PreparedData data, CheckpointStore store, int threads) {
        HyperParameters configured = fixed.with(trial.configuration());
        HyperParameters hyperParameters = threads > configured.threads() ? configured.withThreads(threads)
                : configured;
        TrainingState start = startState(trial, store, trainer(trial, data).numParameters(data.train()));
        int target = trial.plan().isRung() ? trial.plan().budgetEpochs() : hyperParameters.epochs();
        return new PackMember(hyperParameters, start, target);
    }

    private SgdTrainer trainer(Trial trial, PreparedData data) {
        SgdTrainer trainer = new SgdTrainer(lossType, metric, stopping, data.numClasses());
        return trial.plan().medianRule() ? trainer.withMedianRule(trial.plan().medians()) : trainer;
    }

    /** Trains the trials at {@code indices} as one pack and fills in their results. */
    private void trainPack(List<Integer> indices, List<Trial> trials, List<PackMember> members, PreparedData data,
                           CheckpointStore store, TrialResult[] results) {
        List<PackMember> pack = indices.stream().map(members::get).toList();
        Trial first = trials.get(indices.get(0));
        List<ResumedTraining> runs;
        try {
            LabeledData train = FloatCopies.inPrecision(data.train(), pack.get(0).hyperParameters().precision());
            runs = trainer(first, data).trainPack(pack, train, data.validation(), orderSeed);
        } catch (RuntimeException | OutOfMemoryError e) {
            for (int i : indices) {
                results[i] = TrialResult.failed(trials.get(i), e.getClass().getSimpleName() + ": " + e.getMessage(),
                        new LinkedHashMap<>());
            }
            return;
        }
        try (CheckpointWrites writes = new CheckpointWrites()) {
            ModelEvaluator validation = trainer(first, data).evaluator(data.validation());
            AfterTraining after = new AfterTraining(validation, tieBreakers(validation, runs), store, writes);
            warmUpPredictions(after.validation(), data.validation().rows(), runs);
            for (int p = 0; p < indices.size(); p++) {
                int i = indices.get(p);
                results[i] = result(trials.get(i), members.get(i), runs.get(p), pack.size(), data, after, p, i);
            }
            writes.awaitAll().forEach((i, failure) -> results[i] = TrialResult.failed(trials.get(i),
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(), results[i].metrics()));
        }
    }

    /**
     * What a pack's results share once it has trained.
     *
     * @param validation the validation part's evaluator (its predictions time each trial's inference)
     * @param tieBreakers each member's validation log-loss (NaN when failed), or null when the objective has none
     * @param store where checkpoints go, or null
     * @param writes the pack's checkpoint writes in flight
     */
    private record AfterTraining(ModelEvaluator validation, double[] tieBreakers, CheckpointStore store,
                                 CheckpointWrites writes) {
    }

    /**
     * {@link BestTrial#TIE_BREAKER}: the validation log-loss of every member that trained, all scored at once (one
     * product per validation block for the pack, {@link ModelEvaluator#evaluateAll}), when the objective is
     * accuracy and the loss gives probabilities (logistic, softmax), so trials that tie on a small validation
     * set's accuracy are ranked by how confident their correct answers are.
     *
     * @param validation the validation part's evaluator
     * @return one value per run (NaN for a failed one), or null when the objective has no tie-breaker
     */
    private double[] tieBreakers(ModelEvaluator validation, List<ResumedTraining> runs) {
        if (metric != Metric.ACCURACY || (lossType != LossType.LOGISTIC && lossType != LossType.SOFTMAX)) {
            return null;
        }
        List<Integer> fine = new ArrayList<>();
        for (int p = 0; p < runs.size(); p++) {
            if (!runs.get(p).outcome().failed()) {
                fine.add(p);
            }
        }
        double[] losses = validation.evaluateAll(fine.stream().map(p -> runs.get(p).outcome().theta()).toList(),
                Metric.LOG_LOSS);
        double[] out = new double[runs.size()];
        Arrays.fill(out, Double.NaN);
        for (int f = 0; f < fine.size(); f++) {
            out[fine.get(f)] = losses[f];
        }
        return out;
    }

    /**
     * The result of one trained trial: metrics, inference cost, tie-breaker, and the checkpoint its rung needs
     * (started on the pack's writes; a failed write fails the trial once it has ended).
     *
     * @param position the trial's place in its pack (in {@code after}'s tie-breakers)
     * @param key the trial's place in the task's results (its checkpoint write's key)
     */
    private TrialResult result(Trial trial, PackMember member, ResumedTraining run, int packSize,
                               PreparedData data, AfterTraining after, int position, int key) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        TrialPlan plan = trial.plan();
        try {
            putOutcome(run.outcome(), data, metrics);
            putPlan(plan, run, metrics);
            metrics.put(MetricKeys.PACK_SIZE, (double) packSize);
            metrics.put(MetricKeys.THREADS, (double) member.hyperParameters().threads());
            List<Double> curve = curve(run);
            if (run.outcome().failed()) {
                return TrialResult.failed(trial, run.outcome().failure(), metrics, curve);
            }
            if (plan.isRung() && member.targetEpochs() < member.hyperParameters().epochs()) {
                after.writes().submit(key, requireStore(after.store(), trial),
                        new Checkpoint(trial.id(), trial.seed(), run.state()));
            }
            addInferenceCost(after.validation(), data.validation().rows(), run.outcome().theta(),
                    data.numFeatures(), metrics);
            if (after.tieBreakers() != null) {
                metrics.put(BestTrial.TIE_BREAKER, after.tieBreakers()[position]);
            }
            return new TrialResult(trial.id(), trial.round(), trial.phase(),
                    run.medianStopped() ? TrialState.PRUNED : TrialState.COMPLETE, trial.configuration(), metrics,
                    trial.seed(), null, curve);
        } catch (RuntimeException | OutOfMemoryError e) {
            return TrialResult.failed(trial, e.getClass().getSimpleName() + ": " + e.getMessage(), metrics);
        }
    }

    /** The checkpoint of the trial this one resumes (checked to be of the same seed), or a fresh state. */
    private static TrainingState startState(Trial trial, CheckpointStore store, int numParameters) {
        if (trial.plan().resumes() < 0) {
            return TrainingState.initial(numParameters);
        }
        Checkpoint checkpoint = requireStore(store, trial).read(trial.plan().resumes());
        if (checkpoint.seed() != trial.seed()) {
            throw new IllegalStateException("checkpoint of trial " + checkpoint.trialId() + " has seed "
                    + checkpoint.seed() + ", but trial " + trial.id() + " resumes it with seed " + trial.seed());
        }
        return checkpoint.state();
    }

    private static CheckpointStore requireStore(CheckpointStore store, Trial trial) {
        if (store == null) {
            throw new IllegalStateException("trial " + trial.id() + " needs a checkpoint store, and none is set");
        }
        return store;
    }

    /** @return the validation metric after each epoch since the run's start, the resumed trial's included */
    private static List<Double> curve(ResumedTraining run) {
        return Arrays.stream(run.state().history()).boxed().toList();
    }

    private void putOutcome(TrainingOutcome outcome, PreparedData data, Map<String, Double> metrics) {
        metrics.put(objectiveKey(metric), inReportedUnits(outcome.bestMetric(), data));
        metrics.put(MetricKeys.TRAIN_SECONDS, outcome.trainSeconds());
        metrics.put(MetricKeys.EPOCHS, (double) outcome.epochsRun());
        metrics.put(MetricKeys.BEST_EPOCH, (double) outcome.bestEpoch());
        metrics.put(MetricKeys.TRAIN_LOSS, outcome.lastTrainLoss());
    }

    /** The objective as journaled: an RMSE in the target's own units (training sees scaled targets). */
    private double inReportedUnits(double value, PreparedData data) {
        return metric == Metric.RMSE ? data.rmseInTargetUnits(value) : value;
    }

    private static void putPlan(TrialPlan plan, ResumedTraining run, Map<String, Double> metrics) {
        if (!plan.isRung()) {
            return;
        }
        metrics.put(MetricKeys.RUNG, (double) plan.rung());
        metrics.put(MetricKeys.BUDGET_EPOCHS, (double) plan.budgetEpochs());
        metrics.put(MetricKeys.RESUMED_FROM_TRIAL, (double) plan.resumes());
        metrics.put(MetricKeys.RESUMED_FROM_EPOCH, (double) run.startEpoch());
        metrics.put(MetricKeys.EPOCHS_TRAINED, (double) run.epochsTrained());
    }

    /**
     * One untimed pass of predictions over the validation part with the pack's first trained model, so that the
     * timed passes of {@link #addInferenceCost} run warm (compiled code, data in cache), as a deployed model's
     * steady state would; each timed pass then warms the next.
     */
    private static void warmUpPredictions(ModelEvaluator evaluator, int rows, List<ResumedTraining> runs) {
        runs.stream().filter(run -> !run.outcome().failed()).findFirst()
                .ifPresent(run -> evaluator.predict(run.outcome().theta(), new double[rows]));
    }

    /** Adds non-zero weights and the measured prediction time per 1,000 rows (a warm pass over validation). */
    private static void addInferenceCost(ModelEvaluator evaluator, int rows, double[] theta, int numFeatures,
                                         Map<String, Double> metrics) {
        int numWeights = theta.length - theta.length / (numFeatures + 1);
        long nonZero = 0;
        for (int i = 0; i < numWeights; i++) {
            if (theta[i] != 0.0) {
                nonZero++;
            }
        }
        double[] predictions = new double[rows];
        long start = System.nanoTime();
        evaluator.predict(theta, predictions);
        double millis = (System.nanoTime() - start) / 1e6;
        metrics.put(MetricKeys.NONZERO_WEIGHTS, (double) nonZero);
        metrics.put(MetricKeys.PREDICT_MS_PER_1000, rows == 0 ? 0.0 : millis * 1000.0 / rows);
    }
}
