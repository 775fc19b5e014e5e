package org.sparkhpo.strategy.bayes;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Gaussian-process regression with a zero prior mean on outputs the caller standardized (Rasmussen and
 * Williams, "Gaussian Processes for Machine Learning", 2006, Algorithm 2.1). With K = k(X, X) + noise I = L L^T
 * (Cholesky, by Commons Math), alpha = K^{-1} y, and k_* = k(X, x):
 * <pre>
 *   mean(x)     = k_*^T alpha
 *   variance(x) = k(x, x) - v^T v,   v = L^{-1} k_*      (latent f, without the noise)
 *   log p(y | X) = -y^T alpha / 2 - sum_i log L_ii - n log(2 pi) / 2
 * </pre>
 * When K is not numerically positive definite a jitter of 1e-8, 1e-6, ... times the signal variance is added to
 * its diagonal until it is (at most 1e-2).
 *
 * <p>Immutable once built; cost O(n^3) to build, O(n d) for the mean and O(n^2) for the variance.
 */
public final class GaussianProcess {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final double[][] inputs;
    private final MaternKernel kernel;
    private final double noise;
    private final double[][] lower;
    private final double[] alpha;
    private final double logLikelihood;

    /**
     * @param inputs the observed points, n x d, n >= 1
     * @param outputs the standardized outputs, n
     * @param kernel the covariance
     * @param noise the observation noise variance, >= 0
     * @throws IllegalStateException when K stays singular with the largest jitter
     */
    public GaussianProcess(double[][] inputs, double[] outputs, MaternKernel kernel, double noise) {
        int n = inputs.length;
        if (n == 0 || outputs.length != n) {
            throw new IllegalArgumentException("Gaussian process: " + n + " inputs and " + outputs.length
                    + " outputs; need the same number, at least one");
        }
        this.inputs = inputs.clone();
        this.kernel = kernel;
        this.noise = noise;
        this.lower = cholesky(covariance(inputs, kernel, noise));
        this.alpha = backSolve(lower, forwardSolve(lower, outputs));
        double quadratic = 0.0;
        double logDeterminant = 0.0;
        for (int i = 0; i < n; i++) {
            quadratic += outputs[i] * alpha[i];
            logDeterminant += Math.log(lower[i][i]);
        }
        this.logLikelihood = -0.5 * quadratic - logDeterminant - 0.5 * n * Math.log(TWO_PI);
    }

    /** @return log p(y | X, kernel, noise) */
    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    /** @return the kernel */
    public MaternKernel kernel() {
        return kernel;
    }

    /** @return the noise variance */
    public double noise() {
        return noise;
    }

    /** @return the posterior mean and the posterior variance of the latent function at {@code x} */
    public double[] predict(double[] x) {
        int n = inputs.length;
        double[] kStar = new double[n];
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            kStar[i] = kernel.value(inputs[i], x);
            mean += kStar[i] * alpha[i];
        }
        double[] v = forwardSolve(lower, kStar);
        double explained = 0.0;
        for (double vi : v) {
            explained += vi * vi;
        }
        double variance = Math.max(kernel.signalVariance() - explained, 1e-12 * kernel.signalVariance());
        return new double[] {mean, variance};
    }

    private static double[][] covariance(double[][] x, MaternKernel kernel, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                k[i][j] = kernel.value(x[i], x[j]);
                k[j][i] = k[i][j];
            }
            k[i][i] = kernel.signalVariance() + noise;
        }
        return k;
    }

    private static double[][] cholesky(double[][] k) {
        double jitter = 0.0;
        while (true) {
            double[][] matrix = new double[k.length][];
            for (int i = 0; i < k.length; i++) {
                matrix[i] = k[i].clone();
                matrix[i][i] += jitter;
            }
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(matrix, false), 1e-10, 1e-14)
                        .getL().getData();
            } catch (NonPositiveDefiniteMatrixException e) {
                double scale = k[0][0];
                jitter = jitter == 0.0 ? 1e-8 * scale : jitter * 100.0;
                if (jitter > 1e-2 * scale) {
                    throw new IllegalStateException("Gaussian process: covariance singular even with jitter", e);
                }
            }
        }
    }

    /** @return L^{-1} b */
    static double[] forwardSolve(double[][] lower, double[] b) {
        double[] x = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double sum = b[i];
            double[] row = lower[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * x[j];
            }
            x[i] = sum / row[i];
        }
        return x;
    }

    /** @return L^{-T} b */
    static double[] backSolve(double[][] lower, double[] b) {
        double[] x = new double[b.length];
        for (int i = b.length - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < b.length; j++) {
                sum -= lower[j][i] * x[j];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }
}
