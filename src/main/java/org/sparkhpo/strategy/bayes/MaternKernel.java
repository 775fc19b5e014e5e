package org.sparkhpo.strategy.bayes;

/**
 * The Matérn 5/2 covariance with one length scale per coordinate (automatic relevance determination), as in
 * Rasmussen and Williams, "Gaussian Processes for Machine Learning" (MIT Press, 2006), eq. 4.17, and Snoek,
 * Larochelle and Adams, "Practical Bayesian optimization of machine learning algorithms" (NeurIPS 2012):
 * <pre>
 *   r^2 = sum_i ((x_i - y_i) / l_i)^2
 *   k(x, y) = s^2 (1 + sqrt(5) r + 5 r^2 / 3) exp(-sqrt(5) r)
 * </pre>
 * Twice differentiable sample paths: smooth enough for hyperparameter landscapes, less over-confident than the
 * squared exponential.
 *
 * @param lengthScales l_i, one per coordinate, each > 0
 * @param signalVariance s^2 > 0, the prior variance k(x, x)
 */
public record MaternKernel(double[] lengthScales, double signalVariance) {
    private static final double SQRT5 = Math.sqrt(5.0);

    public MaternKernel {
        lengthScales = lengthScales.clone();
        for (double l : lengthScales) {
            if (!(l > 0)) {
                throw new IllegalArgumentException("length scale " + l + " must be > 0");
            }
        }
        if (!(signalVariance > 0)) {
            throw new IllegalArgumentException("signal variance " + signalVariance + " must be > 0");
        }
    }

    /** @return the number of coordinates */
    public int dimension() {
        return lengthScales.length;
    }

    /** @return k(x, y) */
    public double value(double[] x, double[] y) {
        double squared = 0.0;
        for (int i = 0; i < lengthScales.length; i++) {
            double scaled = (x[i] - y[i]) / lengthScales[i];
            squared += scaled * scaled;
        }
        double r = Math.sqrt(squared);
        return signalVariance * (1.0 + SQRT5 * r + 5.0 * squared / 3.0) * Math.exp(-SQRT5 * r);
    }
}
