package org.sparkhpo.train;

import dev.ludovic.netlib.blas.BLAS;
import org.sparkhpo.data.DenseFeatures;

/**
 * The kernel for dense row-major features through the netlib BLAS that Spark MLlib ships (native
 * OpenBLAS when the system has it, else a vectorized Java fallback).
 *
 * <p>A row-major n x d block is, to column-major BLAS, the d x n matrix X^T. Hence scores
 * S^T (k x n, i.e. S row-major) = W X^T is {@code gemm("T", "N")} with W read as the d x k matrix W^T,
 * and the weight gradient dW^T (d x k, i.e. dW row-major) = X^T G is {@code gemm("N", "T")} with G read as
 * the k x n matrix G^T. For one score (binary and regression) the same products are matrix-vector ones.
 * A mini-batch's rows are copied into a buffer owned by the kernel so the products see one contiguous block.
 */
final class DenseKernel implements Kernel {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private final double[] x;
    private final double[] labels;
    private final int d;
    private final int k;
    private final double[] batchX;
    private final double[] batchY;
    private int batchRows;

    DenseKernel(DenseFeatures features, double[] labels, int k, int maxBatch) {
        this.x = features.values();
        this.labels = labels;
        this.d = features.columns();
        this.k = k;
        int rows = Math.min(maxBatch, features.rows());
        this.batchX = new double[rows * d];
        this.batchY = new double[rows];
    }

    @Override
    public void gather(int[] order, int from, int to) {
        batchRows = to - from;
        for (int i = 0; i < batchRows; i++) {
            int row = order[from + i];
            System.arraycopy(x, row * d, batchX, i * d, d);
            batchY[i] = labels[row];
        }
    }

    @Override
    public double[] batchLabels() {
        return batchY;
    }

    @Override
    public void batchScores(double[] theta, double[] out) {
        scores(batchX, 0, batchRows, theta, out);
    }

    @Override
    public void blockScores(int from, int to, double[] theta, double[] out) {
        scores(x, from * d, to - from, theta, out);
    }

    @Override
    public void batchGradient(double[] scoreGradient, double[] gradientOut) {
        int n = batchRows;
        if (k == 1) {
            BLAS_INSTANCE.dgemv("N", d, n, 1.0, batchX, 0, d, scoreGradient, 0, 1, 0.0, gradientOut, 0, 1);
        } else {
            BLAS_INSTANCE.dgemm("N", "T", d, k, n, 1.0, batchX, 0, d, scoreGradient, 0, k, 0.0, gradientOut, 0, d);
        }
        Kernel.biasGradient(scoreGradient, n, k, gradientOut, k * d);
    }

    private void scores(double[] a, int offset, int n, double[] theta, double[] out) {
        if (k == 1) {
            BLAS_INSTANCE.dgemv("T", d, n, 1.0, a, offset, d, theta, 0, 1, 0.0, out, 0, 1);
        } else {
            BLAS_INSTANCE.dgemm("T", "N", k, n, d, 1.0, theta, 0, d, a, offset, d, 0.0, out, 0, k);
        }
        int biasStart = k * d;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                out[r * k + j] += theta[biasStart + j];
            }
        }
    }
}
