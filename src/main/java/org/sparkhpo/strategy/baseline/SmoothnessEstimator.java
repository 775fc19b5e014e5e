package org.sparkhpo.strategy.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sparkhpo.data.Features;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.train.LossType;

/**
 * Estimates the smoothness L and strong convexity mu of the training objective of a linear model,
 * f(theta) = (1/n) sum_i l(s_i, y_i) + (l2 / 2) ||w||^2 with scores s_i = W x_i + b, on the driver's copy of the
 * training data.
 *
 * <p>The Hessian is (1/n) X~^T D X~ (per class block for softmax) plus l2 on the weights, with X~ = [X, 1] (the
 * bias column) and D the loss's second derivatives, bounded by the curvature c: 1/4 for the logistic loss
 * (sigma'(s) &lt;= 1/4), 1/2 for softmax (Böhning's bound, "Multinomial logistic regression algorithm", Ann. Inst.
 * Statist. Math. 44, 1992: the softmax Hessian is below (1/2)(I - 11^T / K) &lt;= I / 2), 1 for least squares
 * (l = (s - y)^2 / 2), and for the hinge loss, which has no second derivative, the logistic bound 1/4 of its
 * smooth surrogate. So L = c lambda_max(X~^T X~ / n) + l2, with lambda_max by power iteration. mu is l2 (the
 * loss's curvature can vanish; the unpenalized bias is treated as penalized), or for least squares, whose Hessian
 * is exactly X~^T X~ / n + l2, lambda_min + l2 with lambda_min by power iteration on lambda_max I - X~^T X~ / n.
 * Finally mu is raised to at least L / {@link MomentumFormulas#MAX_KAPPA}.
 */
public final class SmoothnessEstimator {
    /** Power iteration stops when the Rayleigh quotient changes by less than this, relatively. */
    static final double TOLERANCE = 1e-7;
    /** Power iteration stops after this many products with the Gram matrix at most. */
    static final int MAX_ITERATIONS = 300;

    private SmoothnessEstimator() {
    }

    /** @return the curvature bound c of the loss (see the class doc) */
    public static double curvature(LossType loss) {
        return switch (loss) {
            case LOGISTIC, HINGE -> 0.25;
            case SOFTMAX -> 0.5;
            case LEAST_SQUARES -> 1.0;
        };
    }

    /**
     * @param train the training part (standardized as the trials see it)
     * @param loss the loss
     * @param l2 the L2 penalty
     * @param seed seeds the power iteration's start vector
     * @return the estimates
     */
    public static SmoothnessEstimate estimate(LabeledData train, LossType loss, double l2, long seed) {
        Features x = train.features();
        double lambdaMax = largestEigenvalue(x, 0.0, seed);
        double c = curvature(loss);
        double smoothness = c * lambdaMax + l2;
        double lambdaMin = Double.NaN;
        double mu = l2;
        if (loss == LossType.LEAST_SQUARES) {
            lambdaMin = Math.max(0.0, lambdaMax - largestEigenvalue(x, lambdaMax, seed + 1));
            mu = lambdaMin + l2;
        }
        mu = Math.max(mu, smoothness / MomentumFormulas.MAX_KAPPA);
        return new SmoothnessEstimate(c, lambdaMax, lambdaMin, l2, smoothness, mu);
    }

    /**
     * Power iteration for the largest eigenvalue of shift I - G (shift = 0: of G itself), G = X~^T X~ / n.
     * With shift = lambda_max(G) the matrix is positive semi-definite, so the iteration finds lambda_max - lambda_min.
     */
    static double largestEigenvalue(Features x, double shift, long seed) {
        int dimension = x.columns() + 1;
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        normalize(v);
        double[] product = new double[dimension];
        double estimate = 0.0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            gramTimes(x, v, product);
            double rayleigh = 0.0;
            for (int i = 0; i < dimension; i++) {
                product[i] = shift == 0.0 ? product[i] : shift * v[i] - product[i];
                rayleigh += v[i] * product[i];
            }
            double[] swap = v;
            v = product;
            product = swap;
            if (normalize(v) == 0.0
                    || Math.abs(rayleigh - estimate) <= TOLERANCE * Math.max(Math.abs(rayleigh), 1e-300)) {
                return rayleigh;
            }
            estimate = rayleigh;
        }
        return estimate;
    }

    /** out = X~^T (X~ v) / n, X~ = [X, 1]; v and out have columns + 1 entries (the last is the bias). */
    static void gramTimes(Features x, double[] v, double[] out) {
        int rows = x.rows();
        int columns = x.columns();
        Arrays.fill(out, 0.0);
        for (int r = 0; r < rows; r++) {
            double score = v[columns] + x.dot(r, v);
            x.addScaledRow(r, score / rows, out);
            out[columns] += score / rows;
        }
    }

    private static double normalize(double[] v) {
        double norm = 0.0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm > 0.0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return norm;
    }
}
