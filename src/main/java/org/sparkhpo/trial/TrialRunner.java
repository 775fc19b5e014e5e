package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.ModelEvaluator;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;

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
        return "val_" + metric.configName().replace('-', '_');
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
            TrainingOutcome outcome = trainer.train(data.train(), data.validation(), hyperParameters, trial.seed());
            metrics.put(objectiveKey(metric), outcome.bestMetric());
            metrics.put("train_seconds", outcome.trainSeconds());
            metrics.put("epochs", (double) outcome.epochsRun());
            metrics.put("best_epoch", (double) outcome.bestEpoch());
            metrics.put("train_loss", outcome.lastTrainLoss());
            if (outcome.failed()) {
                return TrialResult.failed(trial, outcome.failure(), metrics);
            }
            addInferenceCost(trainer.evaluator(data.validation()), data.validation().rows(), outcome.theta(),
                    data.numFeatures(), metrics);
            return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.COMPLETE,
                    trial.configuration(), metrics, trial.seed(), null);
        } catch (RuntimeException | OutOfMemoryError e) {
            return TrialResult.failed(trial, e.getClass().getSimpleName() + ": " + e.getMessage(), metrics);
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
        metrics.put("nonzero_weights", (double) nonZero);
        metrics.put("predict_ms_per_1000", rows == 0 ? 0.0 : millis * 1000.0 / rows);
    }
}
