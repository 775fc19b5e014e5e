package org.sparkhpo.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.data.Concatenation;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.ModelEvaluator;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;

/**
 * The model the job delivers: the best trial's configuration retrained, with the job's data order seed (the
 * order every trial saw, {@code train.BlockOrder}), for its best-epoch count (the schedule still spans the trial's epoch budget), on train + validation or on train
 * alone (which reproduces the trial's checkpoint exactly), then evaluated on the test part.
 *
 * @param theta the parameters for standardized features (weights then biases)
 * @param test metrics on the test part (empty without test data)
 * @param trainSeconds the time the retraining took
 */
public record FinalModel(double[] theta, Map<String, Double> test, double trainSeconds) {

    /**
     * @param best the best trial's result
     * @param fixed the fixed hyperparameters the trial's configuration was laid over
     * @param loss the loss
     * @param stopping the stopping rules (the divergence check still applies)
     * @param data the prepared data
     * @param onValidationToo retrain on train + validation
     * @param orderSeed the job's data order seed, the one the trials trained with
     * @return the retrained model and its test metrics
     */
    public static FinalModel train(TrialResult best, HyperParameters fixed, LossType loss, StoppingRules stopping,
                                   PreparedData data, boolean onValidationToo, long orderSeed) {
        TrainingOutcome outcome = retrain(best, fixed, loss, stopping, data, onValidationToo, orderSeed);
        return new FinalModel(outcome.theta(), testMetrics(loss, data, outcome.theta()), outcome.trainSeconds());
    }

    /**
     * The retraining alone (the job writes the model while it computes the test metrics).
     *
     * @param best the best trial's result
     * @param fixed the fixed hyperparameters the trial's configuration was laid over
     * @param loss the loss
     * @param stopping the stopping rules (the divergence check still applies)
     * @param data the prepared data
     * @param onValidationToo retrain on train + validation
     * @param orderSeed the job's data order seed, the one the trials trained with
     * @return the retrained parameters and the time it took
     * @throws IllegalStateException when the retraining fails
     */
    public static TrainingOutcome retrain(TrialResult best, HyperParameters fixed, LossType loss,
                                          StoppingRules stopping, PreparedData data, boolean onValidationToo,
                                          long orderSeed) {
        HyperParameters hyperParameters = fixed.with(best.configuration());
        SgdTrainer trainer = trainer(loss, stopping, data);
        LabeledData rows = onValidationToo ? Concatenation.concat(data.train(), data.validation()) : data.train();
        int epochs = Math.max(1, (int) best.metric(MetricKeys.BEST_EPOCH));
        TrainingOutcome outcome = trainer.train(rows, null, hyperParameters, orderSeed, epochs);
        if (outcome.failed()) {
            throw new IllegalStateException("retraining the best configuration failed: " + outcome.failure());
        }
        return outcome;
    }

    /**
     * @param loss the loss
     * @param data the prepared data
     * @param theta the model's parameters
     * @return accuracy and log-loss (classification, log-loss not for hinge) or RMSE on the test part; empty
     *     without test data
     */
    public static Map<String, Double> testMetrics(LossType loss, PreparedData data, double[] theta) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (data.testPart().isEmpty()) {
            return out;
        }
        ModelEvaluator evaluator = new ModelEvaluator(data.testPart().get(), loss.newLoss().outputs(data.numClasses()),
                !loss.task().isClassification());
        if (!loss.task().isClassification()) {
            out.put("rmse", evaluator.evaluate(theta, Metric.RMSE));
            return out;
        }
        out.put("accuracy", evaluator.evaluate(theta, Metric.ACCURACY));
        if (loss != LossType.HINGE) {
            out.put("log_loss", evaluator.evaluate(theta, Metric.LOG_LOSS));
        }
        return out;
    }

    private static SgdTrainer trainer(LossType loss, StoppingRules stopping, PreparedData data) {
        Metric metric = loss.task().isClassification() ? Metric.ACCURACY : Metric.RMSE;
        return new SgdTrainer(loss, metric, stopping, data.numClasses());
    }
}
