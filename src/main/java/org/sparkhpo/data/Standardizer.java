package org.sparkhpo.data;

import java.io.Serializable;

/**
 * Per-feature standardization x' = (x - mean) / scale, fitted on the training part only.
 * A feature with zero variance gets scale 1 (it becomes the constant 0).
 *
 * <p>A linear model trained on standardized features (weights w', bias b') equals, on raw features, the model
 * with w_j = w'_j / scale_j and b = b' - sum_j w'_j mean_j / scale_j; {@link #toRawWeights} does that, so the
 * exported MLlib model needs no preprocessing step.
 *
 * @param mean per-feature mean of the training part
 * @param scale per-feature standard deviation of the training part (1 where it is 0)
 */
public record Standardizer(double[] mean, double[] scale) implements Serializable {

    /**
     * Fits the mean and standard deviation of every column of {@code features}.
     *
     * @param features the training part
     * @return the fitted standardizer
     */
    public static Standardizer fit(DenseFeatures features) {
        int n = features.rows();
        int d = features.columns();
        double[] values = features.values();
        double[] mean = new double[d];
        double[] m2 = new double[d];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int c = 0; c < d; c++) {
                mean[c] += values[offset + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= Math.max(1, n);
        }
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int c = 0; c < d; c++) {
                double delta = values[offset + c] - mean[c];
                m2[c] += delta * delta;
            }
        }
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double sd = Math.sqrt(m2[c] / Math.max(1, n));
            scale[c] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** @return a new matrix with every value standardized */
    public DenseFeatures transform(DenseFeatures features) {
        int n = features.rows();
        int d = features.columns();
        double[] in = features.values();
        double[] out = new double[in.length];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int c = 0; c < d; c++) {
                out[offset + c] = (in[offset + c] - mean[c]) / scale[c];
            }
        }
        return new DenseFeatures(out, n, d);
    }

    /**
     * Turns weights for standardized features into weights for raw features, in place.
     *
     * @param weights row-major k x d weights, rewritten to w_j / scale_j
     * @param bias k biases, rewritten to b - sum_j w_j mean_j / scale_j
     */
    public void toRawWeights(double[] weights, double[] bias) {
        int d = mean.length;
        for (int k = 0; k < bias.length; k++) {
            double shift = 0.0;
            for (int c = 0; c < d; c++) {
                double w = weights[k * d + c] / scale[c];
                weights[k * d + c] = w;
                shift += w * mean[c];
            }
            bias[k] -= shift;
        }
    }
}
