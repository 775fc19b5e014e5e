package org.sparkhpo.config;

/**
 * How the final model is made ({@code hpo.finish}).
 *
 * @param retrainOnValidation retrain the best configuration on train + validation (else on train only)
 * @param saveModel save the final model in Spark ML's model format
 */
public record FinishSettings(boolean retrainOnValidation, boolean saveModel) {
}
