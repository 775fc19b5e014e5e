package org.sparkhpo.strategy.tpe;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * The normal distribution N(mu, s^2) truncated to [0, 1], the kernel of every range coordinate of the Parzen
 * estimators: density phi((x - mu) / s) / (s Z) on [0, 1] with the mass Z = Phi((1 - mu) / s) - Phi(-mu / s).
 * Written by hand (two lines over Commons Math's erfc); sampling by rejection as Optuna's {@code truncnorm} does
 * by inversion, with the same law.
 */
final class TruncatedNormal {
    private static final int MAX_REJECTIONS = 100;

    private TruncatedNormal() {
    }

    /** @return a draw in [0, 1] (after 100 rejected draws, mu clipped into [0, 1]) */
    static double sample(double mu, double s, SplittableRandom random) {
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double x = mu + s * random.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.min(1.0, Math.max(0.0, mu));
    }

    /** @return log of the truncated density at x in [0, 1] */
    static double logDensity(double x, double mu, double s) {
        double z = (x - mu) / s;
        double mass = normalCdf((1 - mu) / s) - normalCdf(-mu / s);
        return -0.5 * z * z - Math.log(s * Math.sqrt(2 * Math.PI) * mass);
    }

    private static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
    }
}
