package org.sparkhpo.strategy.bayes;

import org.apache.commons.math3.special.Erf;

/**
 * The scaled complementary error function erfcx(x) = exp(x^2) erfc(x), for x >= 0, which log-EI needs where
 * erfc itself underflows. Commons Math has erfc but not erfcx, so this is written here: for x < 4,
 * exp(x^2) erfc(x) with Commons Math's erfc (no underflow there, erfc(4) ~ 1.5e-8); from 4 on the continued
 * fraction of Abramowitz and Stegun 7.1.14,
 * <pre>
 *   erfcx(x) = (1 / sqrt(pi)) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))))
 * </pre>
 * evaluated backwards from 60 terms, which converges to double precision for x >= 4.
 */
public final class ScaledErfc {
    private static final double SWITCH = 4.0;
    private static final int TERMS = 60;

    private ScaledErfc() {
    }

    /** @return exp(x^2) erfc(x) for x >= 0 */
    public static double of(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("erfcx: " + x + " must be >= 0");
        }
        if (x < SWITCH) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        double tail = x;
        for (int k = TERMS; k >= 1; k--) {
            tail = x + (k / 2.0) / tail;
        }
        return 1.0 / (Math.sqrt(Math.PI) * tail);
    }
}
