package org.sparkhpo.train;

import java.io.Serializable;

/**
 * The step size as a function of training progress t, measured in epochs and fractional within an epoch
 * (t = epoch + batch / batchesPerEpoch). It depends on t only, so training resumed from a checkpoint
 * continues on the same curve.
 *
 * <ul>
 *   <li>constant: eta_t = eta</li>
 *   <li>inverse-sqrt: eta_t = eta / sqrt(1 + t)</li>
 *   <li>step: eta_t = eta * gamma^floor(t / s), gamma = decay-rate, s = decay-epochs</li>
 *   <li>cosine (Loshchilov and Hutter, "SGDR", ICLR 2017, without restarts):
 *       eta_t = eta * (1 + cos(pi * t / T)) / 2, T = the epoch budget</li>
 * </ul>
 */
public interface LearningRateSchedule extends Serializable {
    /**
     * @param progress t, in epochs
     * @return the step size at t
     */
    double rate(double progress);

    /**
     * @param name constant, inverse-sqrt, step or cosine
     * @param eta base step size
     * @param gamma step decay factor
     * @param period step decay period in epochs
     * @param totalEpochs the epoch budget T (cosine)
     * @return the schedule
     */
    static LearningRateSchedule of(String name, double eta, double gamma, int period, int totalEpochs) {
        return switch (name) {
            case "constant" -> t -> eta;
            case "inverse-sqrt" -> t -> eta / Math.sqrt(1.0 + t);
            case "step" -> t -> eta * Math.pow(gamma, Math.floor(t / period));
            case "cosine" -> t -> eta * 0.5 * (1.0 + Math.cos(Math.PI * Math.min(t, totalEpochs) / totalEpochs));
            default -> throw new IllegalArgumentException("schedule: '" + name + "' is not a schedule");
        };
    }
}
