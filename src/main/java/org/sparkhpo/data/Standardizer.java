package org.sparkhpo.data;

import java.io.Serializable;

/**
 * Per-feature scaling x' = (x - mean) / scale, fitted on the training part only: full standardization
 * ({@link #fit}: mean and standard deviation) for dense data, or scaling without centering
 * ({@link #fitScaleOnly}: mean 0, scale = the column's standard deviation counting every zero) for sparse data,
 * which keeps every zero a zero, as MLlib's {@code LogisticRegression} standardizes internally
 * ({@code standardization = true} divides by the column standard deviation and never centers).
 * A feature with zero variance gets scale 1.
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

    /**
     * Fits the standard deviation of every column of sparse {@code features} (implicit zeros included), and
     * mean 0, so that the transform only scales: sd_j = sqrt(sum_i x_ij^2 / n - (sum_i x_ij / n)^2).
     *
     * @param features the training part
     * @return a standardizer that divides each column by its deviation and does not center
     */
    public static Standardizer fitScaleOnly(SparseFeatures features) {
        int n = Math.max(1, features.rows());
        int d = features.columns();
        double[] sum = new double[d];
        double[] squares = new double[d];
        int[] columns = features.columnIndices();
        double[] values = features.values();
        for (int i = 0; i < values.length; i++) {
            sum[columns[i]] += values[i];
            squares[columns[i]] += values[i] * values[i];
        }
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double mean = sum[c] / n;
            double sd = Math.sqrt(Math.max(0.0, squares[c] / n - mean * mean));
            scale[c] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardizer(new double[d], scale);
    }

    /** @return true when this transform subtracts a mean (dense standardization), false when it only scales */
    public boolean centers() {
        for (double m : mean) {
            if (m != 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scales sparse features; only valid for a transform that does not center ({@link #fitScaleOnly}).
     *
     * @param features the rows to scale
     * @return a new matrix with the same non-zeros, each divided by its column's scale
     */
    public SparseFeatures transform(SparseFeatures features) {
        if (centers()) {
            throw new IllegalStateException("a centering standardizer cannot keep sparse data sparse");
        }
        int[] columns = features.columnIndices();
        double[] in = features.values();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] / scale[columns[i]];
        }
        return new SparseFeatures(features.rowStart(), columns, out, features.columns());
    }

    /**
     * Standardizes straight into single precision: the same numbers as {@code FloatDenseFeatures.of(transform(x))}
     * without the double-precision copy in between (for full Fashion-MNIST, 440 MB less to allocate and write).
     *
     * @return a new single-precision matrix with every value standardized
     */
    public FloatDenseFeatures transformToFloat(DenseFeatures features) {
        int n = features.rows();
        int d = features.columns();
        double[] in = features.values();
        float[] out = new float[in.length];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int c = 0; c < d; c++) {
                out[offset + c] = (float) ((in[offset + c] - mean[c]) / scale[c]);
            }
        }
        return new FloatDenseFeatures(out, n, d);
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
