package org.sparkhpo.config;

/**
 * How the final model is made ({@code hpo.finish}).
 *
 * @param retrainOnValidation retrain the best configuration on train + validation (else on train only)
 * @param saveModel save the final model in Spark ML's model format
 * @param threads the threads the retraining on train + validation runs on ({@code hpo.finish.threads}), or
 *     {@link #AUTO_THREADS} for the driver's cores
 */
public record FinishSettings(boolean retrainOnValidation, boolean saveModel, int threads) {
    /** {@code threads} of {@code hpo.finish.threads = auto}: the driver's cores. */
    public static final int AUTO_THREADS = 0;
}
