package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparkhpo.space.Configuration;

/**
 * What one trial produced, as journaled in {@code trials.jsonl}. Built inside the Spark task (a failure
 * is a result, never an exception) and returned to the driver. Holds no model weights: the driver
 * retrains the best configuration at the end, so the weights of other trials never cross the network.
 *
 * @param id the trial id
 * @param round the round the trial ran in
 * @param phase the strategy phase that proposed it
 * @param state how it ended
 * @param configuration the hyperparameter values it trained with
 * @param metrics named figures in insertion order: the objective on validation first, then
 *     {@code train_seconds}, {@code epochs}, {@code best_epoch}, inference cost
 * @param seed the trial's seed
 * @param error why it failed, or null unless {@code state} is FAILED
 * @param curve the objective on validation after each epoch (epoch 1 first; a trial that resumed another's
 *     checkpoint keeps that trial's epochs), journaled as {@code curve}; empty without validation data, for a
 *     known-function objective, and for a trial that failed before its first epoch ended
 */
public record TrialResult(
        int id,
        int round,
        String phase,
        TrialState state,
        Configuration configuration,
        Map<String, Double> metrics,
        long seed,
        String error,
        List<Double> curve) implements Serializable {

    /** A result without a learning curve. */
    public TrialResult(int id, int round, String phase, TrialState state, Configuration configuration,
                       Map<String, Double> metrics, long seed, String error) {
        this(id, round, phase, state, configuration, metrics, seed, error, List.of());
    }

    public TrialResult {
        curve = List.copyOf(curve);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(configuration, "configuration");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if ((state == TrialState.FAILED) != (error != null)) {
            throw new IllegalArgumentException("trial " + id + ": an error is given exactly when FAILED");
        }
    }

    /** @return a FAILED result for {@code trial} with the given reason and whatever metrics were measured */
    public static TrialResult failed(Trial trial, String reason, Map<String, Double> metrics) {
        return failed(trial, reason, metrics, List.of());
    }

    /** @return a FAILED result with the learning curve measured before the failure */
    public static TrialResult failed(Trial trial, String reason, Map<String, Double> metrics, List<Double> curve) {
        return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.FAILED,
                trial.configuration(), metrics, trial.seed(), reason, curve);
    }

    /**
     * @param newState the state the strategy decided (for example PRUNED for a rung's losers)
     * @return this result with another state; a FAILED result cannot change state
     */
    public TrialResult withState(TrialState newState) {
        if (state == TrialState.FAILED || newState == TrialState.FAILED) {
            throw new IllegalArgumentException("trial " + id + ": cannot change state " + state + " to " + newState);
        }
        return new TrialResult(id, round, phase, newState, configuration, metrics, seed, error, curve);
    }

    /** @return the named metric, or NaN when it was not measured */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
