package org.sparkhpo.train;

import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.SparseFeatures;

/**
 * The hot path of training: scores of a linear model for a block of rows, and the weight gradient of a
 * mini-batch from the derivative of the loss with respect to the scores.
 *
 * <p>Parameters are one array {@code theta} of length k*d + k: the k x d weights row-major (row j holds
 * class j's weights), then the k biases. Scores S = X W^T + 1 b^T; with G = dl/dS the gradient is
 * dW = G^T X and db = 1^T G.
 *
 * <p>Lifecycle: built inside a Spark task for one trial and one data part; owns its buffers (sized for
 * the largest mini-batch once) so no call allocates. Not thread-safe.
 */
public interface Kernel {
    /**
     * @param data the rows to train or score on (read only)
     * @param k scores per row
     * @param maxBatch the largest mini-batch {@link #gather} will be asked for
     * @return the kernel for dense (BLAS) or sparse (CSR) features
     */
    static Kernel of(LabeledData data, int k, int maxBatch) {
        if (data.features() instanceof DenseFeatures dense) {
            return new DenseKernel(dense, data.labels(), k, maxBatch);
        }
        if (data.features() instanceof FloatDenseFeatures dense) {
            return new FloatDenseKernel(dense, data.labels(), k, maxBatch, ModelEvaluator.BLOCK_ROWS);
        }
        return new SparseKernel((SparseFeatures) data.features(), data.labels(), k, maxBatch);
    }

    /** Selects rows {@code order[from..to)} as the current mini-batch (copying them when that helps BLAS). */
    void gather(int[] order, int from, int to);

    /** @return the labels of the current mini-batch, in batch order (valid until the next gather) */
    double[] batchLabels();

    /** Writes the scores of the current mini-batch, row-major batch x k, into {@code out}. */
    void batchScores(double[] theta, double[] out);

    /**
     * Writes the gradient of the current mini-batch (weights then biases, same layout as theta).
     *
     * @param scoreGradient dl/dS, row-major batch x k
     * @param gradientOut receives G^T X and 1^T G; every entry is overwritten
     */
    void batchGradient(double[] scoreGradient, double[] gradientOut);

    /** Writes the scores of rows [from, to) in data order, row-major (to - from) x k, into {@code out}. */
    void blockScores(int from, int to, double[] theta, double[] out);

    /**
     * Writes the bias gradient 1^T G: the column sums of the n x k score gradient, at {@code biasStart}.
     *
     * @param scoreGradient G, row-major n x k
     * @param n rows
     * @param k scores per row
     * @param gradientOut receives the k sums
     * @param biasStart where the biases start in the parameter layout (k * d)
     */
    static void biasGradient(double[] scoreGradient, int n, int k, double[] gradientOut, int biasStart) {
        for (int j = 0; j < k; j++) {
            double sum = 0.0;
            for (int r = 0; r < n; r++) {
                sum += scoreGradient[r * k + j];
            }
            gradientOut[biasStart + j] = sum;
        }
    }
}
