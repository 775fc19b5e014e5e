package org.sparkhpo.strategy.bayes;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Yeo–Johnson power transformation of the (standardized) outputs before the Gaussian process, with the
 * exponent fitted by maximum likelihood, as HEBO does (Cowen-Rivers et al., "HEBO: pushing the limits of
 * sample-efficient hyperparameter optimisation", JAIR 74, 2022, section 4.1; Yeo and Johnson, Biometrika 87,
 * 2000):
 * <pre>
 *   psi(y) = ((y + 1)^lambda - 1) / lambda              y >= 0, lambda != 0   (log(y + 1) at lambda = 0)
 *   psi(y) = -((1 - y)^(2 - lambda) - 1) / (2 - lambda)  y < 0,  lambda != 2   (-log(1 - y) at lambda = 2)
 *   lambda = argmax -n/2 log var(psi(y)) + (lambda - 1) sum_i sign(y_i) log(|y_i| + 1),  lambda in [-2, 2]
 * </pre>
 * A smooth monotone map: it keeps the order and, unlike a rank (copula) transform, the local shape near a
 * minimum; it compresses a heavy upper tail (Rosenbrock's walls) so a few huge values do not set the scale.
 * Brent's method from Commons Math maximizes the profile likelihood; the map itself is written by hand.
 */
final class YeoJohnsonWarping {
    private static final double LIMIT = 2.0;

    private YeoJohnsonWarping() {
    }

    /** @return psi(y) for the maximum-likelihood lambda, standardized again to mean 0 and sd 1 */
    static double[] warp(double[] standardized) {
        if (standardized.length < 3) {
            return standardized.clone();
        }
        double lambda = fittedLambda(standardized);
        double[] warped = new double[standardized.length];
        for (int i = 0; i < warped.length; i++) {
            warped[i] = transform(standardized[i], lambda);
        }
        return KrigingBeliever.standardize(warped);
    }

    /** @return the maximum-likelihood exponent in [-2, 2] (Brent's method, Commons Math) */
    static double fittedLambda(double[] y) {
        return new BrentOptimizer(1e-6, 1e-8).optimize(new MaxEval(200), GoalType.MAXIMIZE,
                new SearchInterval(-LIMIT, LIMIT, 1.0),
                new UnivariateObjectiveFunction(l -> logLikelihood(y, l))).getPoint();
    }

    /** @return psi(y) for the exponent lambda */
    static double transform(double y, double lambda) {
        if (y >= 0) {
            return Math.abs(lambda) < 1e-9 ? Math.log1p(y) : (Math.pow(y + 1, lambda) - 1) / lambda;
        }
        double power = 2 - lambda;
        return Math.abs(power) < 1e-9 ? -Math.log1p(-y) : -(Math.pow(1 - y, power) - 1) / power;
    }

    /** @return the profile log-likelihood of lambda: -n/2 log var(psi(y)) + (lambda - 1) sum sign(y) log(|y| + 1) */
    static double logLikelihood(double[] y, double lambda) {
        double mean = 0.0;
        double jacobian = 0.0;
        double[] psi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            psi[i] = transform(y[i], lambda);
            mean += psi[i] / y.length;
            jacobian += Math.signum(y[i]) * Math.log1p(Math.abs(y[i]));
        }
        double variance = 0.0;
        for (double p : psi) {
            variance += (p - mean) * (p - mean) / y.length;
        }
        return -0.5 * y.length * Math.log(Math.max(variance, 1e-300)) + (lambda - 1) * jacobian;
    }
}
