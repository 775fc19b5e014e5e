package org.sparkhpo.train;

/**
 * What every model of a {@link TrainingPack} shares: the loss, the validation metric, the stopping rules and
 * the median curve. Immutable (the curve is never written).
 *
 * @param loss the loss
 * @param metric the validation metric and its direction
 * @param rules patience, minimum improvement and divergence threshold
 * @param medians m_s of the median stopping rule at index s - 1, or null when the rule is off
 */
record RunSettings(Loss loss, Metric metric, StoppingRules rules, double[] medians) {
}
