package org.sparkhpo.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.data.Concatenation;
import org.sparkhpo.data.FloatCopies;
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
 * The model the job delivers: the best trial's configuration retrained, in the job's data order (the one every
 * trial trained with), for its best-epoch count (the schedule still spans the trial's epoch budget), on
 * train + validation or on train alone (which reproduces the trial's checkpoint exactly), then evaluated on
 * the test part.
 *
 * @param theta the parameters for scaled features (weights then biases)
 * @param test metrics on the test part (empty without test data, or until {@link #withTest} adds them)
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
     * @param retrainThreads the threads a retraining on train + validation runs on
     * @return the retrained model and its test metrics
     * @throws IllegalStateException when the retraining fails
     */
    public static FinalModel train(TrialResult best, HyperParameters fixed, LossType loss, StoppingRules stopping,
                                   PreparedData data, boolean onValidationToo, long orderSeed, int retrainThreads) {
        Attempt attempt = attempt(best, fixed, loss, stopping, data, onValidationToo, orderSeed, retrainThreads);
        if (attempt.model() == null) {
            throw new IllegalStateException("retraining the best configuration failed: " + attempt.failure());
        }
        return attempt.model().withTest(testMetrics(loss, data, attempt.model().theta()));
    }

    /**
     * One try at a final model: the model, or why training it failed.
     *
     * @param model the model (without test metrics), or null when training failed
     * @param failure why it failed (the trainer's reason), or null
     */
    public record Attempt(FinalModel model, String failure) {
    }

    /**
     * Like {@link #train}, but a diverging retraining is a result, not an exception, and the test metrics are
     * left to the caller ({@link #testMetrics}), which computes them while the model is written.
     *
     * @param best the trial whose configuration is replayed
     * @param fixed the fixed hyperparameters the trial's configuration was laid over
     * @param loss the loss
     * @param stopping the stopping rules (the divergence check still applies)
     * @param data the prepared data
     * @param onValidationToo retrain on train + validation, else replay the trial on train alone (its own
     *     best-epoch weights)
     * @param orderSeed the job's data order seed, the one the trials trained with
     * @param retrainThreads the threads a retraining on train + validation runs on (a replay on train runs on
     *     the threads the trial trained on, so that it reproduces the trial's checkpoint)
     * @return the model (empty test metrics), or the reason it could not be trained
     */
    public static Attempt attempt(TrialResult best, HyperParameters fixed, LossType loss, StoppingRules stopping,
                                  PreparedData data, boolean onValidationToo, long orderSeed, int retrainThreads) {
        HyperParameters trial = fixed.with(best.configuration());
        HyperParameters hyperParameters = trial.withThreads(onValidationToo ? retrainThreads
                : trainedThreads(best, trial));
        Metric metric = loss.task().isClassification() ? Metric.ACCURACY : Metric.RMSE;
        SgdTrainer trainer = new SgdTrainer(loss, metric, stopping, data.numClasses());
        LabeledData rows = FloatCopies.inPrecision(onValidationToo
                ? Concatenation.concat(data.train(), data.validation()) : data.train(), hyperParameters.precision());
        int epochs = Math.max(1, (int) best.metric(MetricKeys.BEST_EPOCH));
        TrainingOutcome outcome = trainer.train(rows, null, hyperParameters, orderSeed, epochs);
        if (outcome.failed()) {
            return new Attempt(null, outcome.failure());
        }
        return new Attempt(new FinalModel(outcome.theta(), Map.of(), outcome.trainSeconds()), null);
    }

    /**
     * @return the threads the trial trained on: its recorded {@code threads} metric (more than configured when the
     *     round lent it idle cores), else the configured ones
     */
    private static int trainedThreads(TrialResult best, HyperParameters configured) {
        double recorded = best.metric(MetricKeys.THREADS);
        return Double.isNaN(recorded) ? configured.threads() : (int) recorded;
    }

    /**
     * @param metrics the test metrics
     * @return this model with them
     */
    public FinalModel withTest(Map<String, Double> metrics) {
        return new FinalModel(theta, Collections.unmodifiableMap(new LinkedHashMap<>(metrics)), trainSeconds);
    }

    /**
     * @param loss the loss
     * @param data the prepared data
     * @param theta the model's parameters
     * @return accuracy and log-loss (classification, log-loss not for hinge) or RMSE in the target's units on
     *     the test part; empty without test data
     */
    public static Map<String, Double> testMetrics(LossType loss, PreparedData data, double[] theta) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (data.testPart().isEmpty()) {
            return out;
        }
        ModelEvaluator evaluator = new ModelEvaluator(data.testPart().get(), loss.newLoss().outputs(data.numClasses()),
                !loss.task().isClassification());
        if (!loss.task().isClassification()) {
            out.put("rmse", data.rmseInTargetUnits(evaluator.evaluate(theta, Metric.RMSE)));
            return out;
        }
        out.put("accuracy", evaluator.evaluate(theta, Metric.ACCURACY));
        if (loss != LossType.HINGE) {
            out.put("log_loss", evaluator.evaluate(theta, Metric.LOG_LOSS));
        }
        return out;
    }
}
