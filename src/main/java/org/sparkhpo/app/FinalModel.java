package org.sparkhpo.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.data.Concatenation;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;

/**
 * The model the job delivers: the best trial's configuration retrained, with the best trial's seed, for its
 * best-epoch count (the schedule still spans the trial's epoch budget), on train + validation or on train
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
     * @return the retrained model and its test metrics
     */
    public static FinalModel train(TrialResult best, HyperParameters fixed, LossType loss, StoppingRules stopping,
                                   PreparedData data, boolean onValidationToo) {
        Attempt attempt = attempt(best, fixed, loss, stopping, data, onValidationToo);
        if (attempt.model() == null) {
            throw new IllegalStateException("retraining the best configuration failed: " + attempt.failure());
        }
        return attempt.model();
    }

    /**
     * One try at a final model: the model, or why training it failed.
     *
     * @param model the model, or null when training failed
     * @param failure why it failed (the trainer's reason), or null
     */
    public record Attempt(FinalModel model, String failure) {
    }

    /**
     * Like {@link #train}, but a diverging retraining is a result, not an exception.
     *
     * @param best the trial whose configuration and seed are replayed
     * @param fixed the fixed hyperparameters the trial's configuration was laid over
     * @param loss the loss
     * @param stopping the stopping rules (the divergence check still applies)
     * @param data the prepared data
     * @param onValidationToo retrain on train + validation, else replay the trial on train alone (its own
     *     best-epoch weights)
     * @return the model, or the reason it could not be trained
     */
    public static Attempt attempt(TrialResult best, HyperParameters fixed, LossType loss, StoppingRules stopping,
                                  PreparedData data, boolean onValidationToo) {
        HyperParameters hyperParameters = fixed.with(best.configuration());
        Metric metric = loss.task().isClassification() ? Metric.ACCURACY : Metric.RMSE;
        SgdTrainer trainer = new SgdTrainer(loss, metric, stopping, data.numClasses());
        LabeledData rows = onValidationToo ? Concatenation.concat(data.train(), data.validation()) : data.train();
        int epochs = Math.max(1, (int) best.metric(MetricKeys.BEST_EPOCH));
        TrainingOutcome outcome = trainer.train(rows, null, hyperParameters, best.seed(), epochs);
        if (outcome.failed()) {
            return new Attempt(null, outcome.failure());
        }
        Map<String, Double> test = new LinkedHashMap<>();
        data.testPart().ifPresent(part -> testMetrics(trainer, data, outcome.theta(), loss, test));
        return new Attempt(new FinalModel(outcome.theta(), test, outcome.trainSeconds()), null);
    }

    private static void testMetrics(SgdTrainer trainer, PreparedData data, double[] theta, LossType loss,
                                    Map<String, Double> out) {
        var evaluator = trainer.evaluator(data.test());
        if (!loss.task().isClassification()) {
            out.put("rmse", data.rmseInTargetUnits(evaluator.evaluate(theta, Metric.RMSE)));
            return;
        }
        out.put("accuracy", evaluator.evaluate(theta, Metric.ACCURACY));
        if (loss != LossType.HINGE) {
            out.put("log_loss", evaluator.evaluate(theta, Metric.LOG_LOSS));
        }
    }
}
