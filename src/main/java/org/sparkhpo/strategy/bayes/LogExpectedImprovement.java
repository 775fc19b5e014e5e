package org.sparkhpo.strategy.bayes;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement for minimization, computed so it stays finite and accurate far from
 * the incumbent where EI itself underflows to 0 and gives an optimizer no slope (Ament, Daulton, Eriksson,
 * Balandat and Bakshy, "Unexpected Improvements to Expected Improvement for Bayesian Optimization", NeurIPS
 * 2023, eq. 9). With posterior mean mu, standard deviation s and best value seen y*:
 * <pre>
 *   z = (y* - mu) / s,   EI = s h(z),   h(z) = phi(z) + z Phi(z),   log EI = log h(z) + log s
 *   log h(z) = log(phi(z) + z Phi(z))                                         z > -1
 *            = -z^2/2 - c1 + log1mexp(log(erfcx(-z / sqrt 2) |z|) + c2)        -1/sqrt(eps) < z <= -1
 *            = -z^2/2 - c1 - 2 log |z|                                        z <= -1/sqrt(eps)
 *   c1 = log(2 pi) / 2,  c2 = log(pi / 2) / 2,  log1mexp(a) = log(1 - e^a)
 * </pre>
 * log1mexp is evaluated as log(-expm1(a)) for a > -ln 2 and log1p(-e^a) otherwise (Mächler, "Accurately
 * computing log(1 - exp(-|a|))", 2012).
 */
public final class LogExpectedImprovement {
    private static final double C1 = 0.5 * Math.log(2.0 * Math.PI);
    private static final double C2 = 0.5 * Math.log(Math.PI / 2.0);
    private static final double ASYMPTOTIC = -1.0 / Math.sqrt(Math.ulp(1.0));

    private LogExpectedImprovement() {
    }

    /**
     * @param mean the posterior mean mu
     * @param stdDev the posterior standard deviation s > 0
     * @param best the best (smallest) value seen y*
     * @return log EI
     */
    public static double of(double mean, double stdDev, double best) {
        return logH((best - mean) / stdDev) + Math.log(stdDev);
    }

    /** @return EI itself, s h(z), in the closed form (for comparison; underflows far from y*) */
    public static double closedForm(double mean, double stdDev, double best) {
        double z = (best - mean) / stdDev;
        return stdDev * (density(z) + z * cumulative(z));
    }

    /** @return log h(z) by the three branches of the class comment */
    static double logH(double z) {
        if (z > -1.0) {
            return Math.log(density(z) + z * cumulative(z));
        }
        if (z > ASYMPTOTIC) {
            double a = Math.log(ScaledErfc.of(-z / Math.sqrt(2.0)) * Math.abs(z)) + C2;
            return -0.5 * z * z - C1 + log1mexp(a);
        }
        return -0.5 * z * z - C1 - 2.0 * Math.log(Math.abs(z));
    }

    private static double log1mexp(double a) {
        return a > -Math.log(2.0) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z - C1);
    }

    private static double cumulative(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
    }
}
