package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.ModelEvaluator;
import org.sparkhpo.train.ResumedTraining;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.train.TrainingState;

/**
 * Runs one trial where the data is (inside a Spark task, or in a plain loop in tests): lays the trial's
 * configuration over the fixed hyperparameters, trains, measures inference cost, and turns everything,
 * failures included, into a {@link TrialResult}. It never throws for a trial's own failure.
 *
 * <p>Shipped to executors inside the task closure; immutable and small (the data is passed in, from the
 * broadcast).
 *
 * @param lossType the loss
 * @param metric the objective metric on validation
 * @param stopping early stopping and divergence rules
 * @param fixed the hyperparameters used where a configuration sets nothing
 */
public record TrialRunner(LossType lossType, Metric metric, StoppingRules stopping, HyperParameters fixed)
        implements Serializable, Objective {

    /** Metric key of the objective on validation, for example {@code val_accuracy}. */
    public static String objectiveKey(Metric metric) {
        return MetricKeys.objective(metric);
    }

    /**
     * Runs a trial with a {@link TrialPlan}: a rung evaluation of successive halving or Hyperband (trains
     * from the checkpoint of trial {@code plan.resumes()}, or from zero, until {@code plan.budgetEpochs()}
     * epochs are done, then checkpoints when the budget is below the configuration's) or a trial under the
     * median stopping rule (ends PRUNED when the rule stops it). A plain trial runs as {@link #run(Trial,
     * PreparedData)}. Besides the usual metrics, a planned trial reports {@code rung}, {@code budget_epochs},
     * {@code resumed_from_trial} (-1 when none), {@code resumed_from_epoch} and {@code epochs_trained} (the
     * epochs this trial trained itself; {@code epochs} and {@code best_epoch} count from the run's start).
     *
     * @param trial the trial
     * @param data the prepared data
     * @param store where checkpoints are read and written; may be null for trials that need none
     * @return the trial's result, FAILED with the reason when training diverged or anything threw
     */
    public TrialResult run(Trial trial, PreparedData data, CheckpointStore store) {
        TrialPlan plan = trial.plan();
        if (!plan.isRung() && !plan.medianRule()) {
            return run(trial, data);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            HyperParameters hyperParameters = fixed.with(trial.configuration());
            SgdTrainer trainer = new SgdTrainer(lossType, metric, stopping, data.numClasses());
            if (plan.medianRule()) {
                trainer = trainer.withMedianRule(plan.medians());
            }
            TrainingState start = startState(trial, store, trainer.outputs() * (data.numFeatures() + 1));
            int target = plan.isRung() ? plan.budgetEpochs() : hyperParameters.epochs();
            ResumedTraining run = trainer.trainFrom(start, target, data.train(), data.validation(),
                    hyperParameters, trial.seed());
            putOutcome(run.outcome(), data, metrics);
            putPlan(plan, run, metrics);
            List<Double> curve = curve(run);
            if (run.outcome().failed()) {
                return TrialResult.failed(trial, run.outcome().failure(), metrics, curve);
            }
            if (plan.isRung() && target < hyperParameters.epochs()) {
                requireStore(store, trial).write(new Checkpoint(trial.id(), trial.seed(), run.state()));
            }
            addInferenceCost(trainer.evaluator(data.validation()), data.validation().rows(), run.outcome().theta(),
                    data.numFeatures(), metrics);
            putTieBreaker(trainer, data, run.outcome().theta(), metrics);
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
     * @param trial the trial
     * @param data the prepared data
     * @return the trial's result, FAILED with the reason when training diverged or anything threw
     */
    @Override
    public TrialResult run(Trial trial, PreparedData data) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            HyperParameters hyperParameters = fixed.with(trial.configuration());
            SgdTrainer trainer = new SgdTrainer(lossType, metric, stopping, data.numClasses());
            ResumedTraining run = trainer.trainFrom(
                    TrainingState.initial(trainer.outputs() * (data.numFeatures() + 1)), hyperParameters.epochs(),
                    data.train(), data.validation(), hyperParameters, trial.seed());
            TrainingOutcome outcome = run.outcome();
            putOutcome(outcome, data, metrics);
            if (outcome.failed()) {
                return TrialResult.failed(trial, outcome.failure(), metrics, curve(run));
            }
            addInferenceCost(trainer.evaluator(data.validation()), data.validation().rows(), outcome.theta(),
                    data.numFeatures(), metrics);
            putTieBreaker(trainer, data, outcome.theta(), metrics);
            return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.COMPLETE,
                    trial.configuration(), metrics, trial.seed(), null, curve(run));
        } catch (RuntimeException | OutOfMemoryError e) {
            return TrialResult.failed(trial, e.getClass().getSimpleName() + ": " + e.getMessage(), metrics);
        }
    }

    /**
     * Adds {@link BestTrial#TIE_BREAKER} ({@code val_log_loss} of the checkpoint) when the objective is accuracy
     * and the loss gives probabilities (logistic, softmax), so trials that tie on a small validation set's
     * accuracy are ranked by how confident their correct answers are.
     */
    private void putTieBreaker(SgdTrainer trainer, PreparedData data, double[] theta, Map<String, Double> metrics) {
        if (metric == Metric.ACCURACY && (lossType == LossType.LOGISTIC || lossType == LossType.SOFTMAX)) {
            metrics.put(BestTrial.TIE_BREAKER, trainer.evaluator(data.validation()).evaluate(theta, Metric.LOG_LOSS));
        }
    }

    /** Adds non-zero weights and the measured prediction time per 1,000 rows. */
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
        evaluator.predict(theta, predictions);
        long start = System.nanoTime();
        evaluator.predict(theta, predictions);
        double millis = (System.nanoTime() - start) / 1e6;
        metrics.put(MetricKeys.NONZERO_WEIGHTS, (double) nonZero);
        metrics.put(MetricKeys.PREDICT_MS_PER_1000, rows == 0 ? 0.0 : millis * 1000.0 / rows);
    }
}
