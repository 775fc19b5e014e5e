package org.sparkhpo.train;

import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.Features;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.SparseFeatures;

/**
 * The hot path of training: the products of a contiguous block of rows with one or several linear models
 * side by side, read in place from the (broadcast) feature array with no copy.
 *
 * <p>Layout. A model with k scores per row has parameters {@code theta} of length k*d + k: the k x d weights
 * row-major (row j holds score j's weights), then the k biases. A <em>pack</em> of K models puts their weight
 * blocks one after the other, a (K k) x d row-major matrix W whose first k rows are model 0's; every product
 * here takes such a matrix with {@code columns} = K k rows. With X the n x d block of rows [from, to):
 * <pre>
 *   scores     S = X W^T        (n x columns, row-major)
 *   gradient  dW = G^T X        (columns x d, row-major), G = dl/dS (n x columns, row-major)
 * </pre>
 * Each is one matrix product for the whole pack, so K models cost one read of the block (Bottou, "Large-scale
 * machine learning with stochastic gradient descent", COMPSTAT 2010, for the mini-batch form; packing many
 * models into one GEMM is the batching of independent problems of the BLAS "batched GEMM" proposals).
 * Biases are the caller's: their gradient is the column sums 1^T G of the score gradient ({@code ModelRun}).
 *
 * <p>Lifecycle: built inside a Spark task for one data part; owns its buffers (sized once for the largest
 * block and pack it will see) so no call allocates. Not thread-safe.
 */
public interface Kernel {
    /**
     * @param features the rows (read only, never copied)
     * @param maxRows the most rows of one block a call will pass
     * @param maxColumns the most weight rows (K k) a call will pass
     * @return the kernel for dense double (dgemm), dense float (sgemm) or sparse (CSR) features
     */
    static Kernel of(Features features, int maxRows, int maxColumns) {
        return single(features, maxRows, maxColumns);
    }

    /**
     * @param features the rows (read only, never copied)
     * @param maxRows the most rows of one block a call will pass
     * @param maxColumns the most weight rows (K k) a call will pass
     * @param threads the threads a call's rows are split across (1: this thread alone)
     * @return {@link #of(Features, int, int)}'s kernel, or for {@code threads} > 1 a {@link ParallelKernel}
     *     over {@code threads} of them (close it to stop its threads)
     */
    static Kernel of(Features features, int maxRows, int maxColumns, int threads) {
        return threads <= 1 ? single(features, maxRows, maxColumns)
                : new ParallelKernel(features, maxRows, maxColumns, threads);
    }

    private static Kernel single(Features features, int maxRows, int maxColumns) {
        if (features instanceof DenseFeatures dense) {
            return new DenseKernel(dense);
        }
        if (features instanceof FloatDenseFeatures dense) {
            return new FloatDenseKernel(dense, Math.min(maxRows, dense.rows()), maxColumns);
        }
        return new SparseKernel((SparseFeatures) features);
    }

    /**
     * Writes S = X W^T for rows [from, to): {@code out[r * columns + c]} is row (from + r) times weight row c.
     *
     * @param from first row
     * @param to one past the last row
     * @param weights W, row-major columns x d (only its first columns * d entries are read)
     * @param columns the number of weight rows
     * @param out receives (to - from) x columns scores; every entry is overwritten
     */
    default void scores(int from, int to, double[] weights, int columns, double[] out) {
        scores(from, to, weights, columns, out, 0);
    }

    /**
     * {@link #scores(int, int, double[], int, double[])} writing from {@code out[outOffset]} on: a slice of
     * a larger block's scores ({@link ParallelKernel} fills one slice per thread).
     *
     * @param from first row
     * @param to one past the last row
     * @param weights W, row-major columns x d
     * @param columns the number of weight rows
     * @param out receives (to - from) x columns scores from {@code outOffset} on
     * @param outOffset where row {@code from}'s scores go
     */
    void scores(int from, int to, double[] weights, int columns, double[] out, int outOffset);

    /**
     * Writes dW = G^T X for rows [from, to): {@code out[c * d + j]} is the sum over the block of
     * {@code G[r * columns + c] * X[from + r][j]}.
     *
     * @param from first row
     * @param to one past the last row
     * @param scoreGradient G, row-major (to - from) x columns
     * @param columns the number of weight rows
     * @param out receives columns x d values; every one of them is overwritten
     */
    default void gradient(int from, int to, double[] scoreGradient, int columns, double[] out) {
        gradient(from, to, scoreGradient, 0, columns, out);
    }

    /**
     * {@link #gradient(int, int, double[], int, double[])} reading G from {@code scoreGradient[gradientOffset]}
     * on: the partial product of a slice of a larger block's rows ({@link ParallelKernel}).
     *
     * @param from first row
     * @param to one past the last row
     * @param scoreGradient holds G, row-major (to - from) x columns, from {@code gradientOffset} on
     * @param gradientOffset where row {@code from}'s score gradient starts
     * @param columns the number of weight rows
     * @param out receives columns x d values; every one of them is overwritten
     */
    void gradient(int from, int to, double[] scoreGradient, int gradientOffset, int columns, double[] out);

    /**
     * Writes the scores of one model (weights and biases) for rows [from, to), row-major (to - from) x k.
     *
     * @param from first row
     * @param to one past the last row
     * @param theta the model's parameters, k*d weights then k biases
     * @param k scores per row
     * @param d features per row
     * @param out receives the scores
     */
    default void modelScores(int from, int to, double[] theta, int k, int d, double[] out) {
        scores(from, to, theta, k, out);
        addBias(theta, k, d, out, to - from, k, 0);
    }

    /**
     * Adds a model's k biases to its columns of a block of scores.
     *
     * @param theta the model's parameters (weights then the k biases at k * d)
     * @param k scores per row of the model
     * @param d features per row
     * @param scores row-major rows x stride scores, updated
     * @param rows rows of the block
     * @param stride scores per row of {@code scores} (k for one model, K k for a pack)
     * @param offset the model's first column
     */
    static void addBias(double[] theta, int k, int d, double[] scores, int rows, int stride, int offset) {
        int biasStart = k * d;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                scores[r * stride + offset + j] += theta[biasStart + j];
            }
        }
    }
}
