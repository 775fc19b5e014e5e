package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.trial.TrialResult;

/**
 * Which model the job delivers, with a fallback when retraining fails. In order:
 * <ol>
 *   <li>the best trial's configuration retrained on train + validation (with {@code hpo.finish.retrain =
 *       train+validation}; more data can make a step size that was stable on train diverge);</li>
 *   <li>the best-epoch weights of the best trial itself, replayed on the training part with its seed (the
 *       replay reproduces the trial's checkpoint exactly, so it succeeds whenever the trial did);</li>
 *   <li>the same for the next best trials, up to {@link #REPLAYED_TRIALS} in all.</li>
 * </ol>
 * When none gives a model, there is no model: the job journals every trial and exits with code 1.
 *
 * @param model the delivered model (its test metrics are added by the job alongside the model write, {@link
 *     #withModel}), or null when none could be trained
 * @param trial the trial whose configuration or weights the model is, or null
 * @param source how the model was obtained, one phrase ({@code retrained on train+validation}, {@code best-epoch
 *     weights of trial 3 (replayed on train)}), or why there is none
 * @param failures why each earlier try failed, in order (empty when the first try succeeded)
 */
public record ModelDelivery(FinalModel model, TrialResult trial, String source, List<String> failures) {
    /** The most trials whose own weights are replayed before the job gives up (bounds the extra training). */
    static final int REPLAYED_TRIALS = 3;

    public ModelDelivery {
        failures = List.copyOf(failures);
    }

    /**
     * @param ranked the completed trials, best first
     * @param fixed the fixed hyperparameters
     * @param loss the loss
     * @param stopping the stopping rules (the divergence check applies to every try)
     * @param data the prepared data
     * @param onValidationToo whether the first try retrains on train + validation
     * @param orderSeed the job's data order seed, the one the trials trained with
     * @param retrainThreads the threads the retraining on train + validation runs on (replays: the trial's)
     * @return the delivered model and how, or no model and why
     */
    public static ModelDelivery deliver(List<TrialResult> ranked, HyperParameters fixed, LossType loss,
                                        StoppingRules stopping, PreparedData data, boolean onValidationToo,
                                        long orderSeed, int retrainThreads) {
        if (ranked.isEmpty()) {
            return new ModelDelivery(null, null, "no trial completed, so no model was trained", List.of());
        }
        List<String> failures = new ArrayList<>();
        TrialResult best = ranked.get(0);
        if (onValidationToo) {
            FinalModel.Attempt attempt = FinalModel.attempt(best, fixed, loss, stopping, data, true, orderSeed,
                    retrainThreads);
            if (attempt.model() != null) {
                return new ModelDelivery(attempt.model(), best, "retrained on train+validation", failures);
            }
            failures.add("retraining trial " + best.id() + " on train+validation failed: " + attempt.failure());
        }
        for (TrialResult trial : ranked.subList(0, Math.min(REPLAYED_TRIALS, ranked.size()))) {
            FinalModel.Attempt attempt = FinalModel.attempt(trial, fixed, loss, stopping, data, false, orderSeed,
                    retrainThreads);
            if (attempt.model() != null) {
                String source = onValidationToo || trial != best
                        ? "best-epoch weights of trial " + trial.id() + " (replayed on train)" : "retrained on train";
                return new ModelDelivery(attempt.model(), trial, source, failures);
            }
            failures.add("replaying trial " + trial.id() + " on train failed: " + attempt.failure());
        }
        return new ModelDelivery(null, null, "no model could be trained: " + String.join("; ", failures), failures);
    }

    /**
     * @param withTest the same model with its test metrics
     * @return this delivery with that model
     */
    public ModelDelivery withModel(FinalModel withTest) {
        return new ModelDelivery(withTest, trial, source, failures);
    }

    /** @return true when a model was delivered */
    public boolean delivered() {
        return model != null;
    }

    /** @return true when the model is not the first choice (the best configuration as configured) */
    public boolean fellBack() {
        return !failures.isEmpty();
    }

    /** @return the {@code final_model} entry of best.json: trial, source and the fallback reasons */
    public Map<String, Object> report() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("trial_id", trial == null ? null : trial.id());
        entry.put("source", source);
        entry.put("fallback", fellBack());
        entry.put("failures", failures);
        return entry;
    }
}
