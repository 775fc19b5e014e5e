package org.sparkhpo.train;

import dev.ludovic.netlib.blas.BLAS;
import org.sparkhpo.data.DenseFeatures;

/**
 * The kernel for dense row-major double features through the netlib BLAS that Spark MLlib ships (native
 * OpenBLAS when the system has it, else a vectorized Java fallback).
 *
 * <p>A row-major n x d block is, to column-major BLAS, the d x n matrix X^T, and it starts at
 * {@code from * d} in the feature array, so BLAS reads it in place through that offset. Scores S^T
 * (columns x n, i.e. S row-major) = W X^T is {@code gemm("T", "N")} with W read as the d x columns matrix
 * W^T, and dW^T (d x columns, i.e. dW row-major) = X^T G is {@code gemm("N", "T")} with G read as the
 * columns x n matrix G^T. For one weight row the same products are matrix-vector ones.
 */
final class DenseKernel implements Kernel {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private final double[] x;
    private final int d;

    DenseKernel(DenseFeatures features) {
        this.x = features.values();
        this.d = features.columns();
    }

    @Override
    public void scores(int from, int to, double[] weights, int columns, double[] out, int outOffset) {
        int n = to - from;
        if (columns == 1) {
            BLAS_INSTANCE.dgemv("T", d, n, 1.0, x, from * d, d, weights, 0, 1, 0.0, out, outOffset, 1);
        } else {
            BLAS_INSTANCE.dgemm("T", "N", columns, n, d, 1.0, weights, 0, d, x, from * d, d, 0.0, out, outOffset,
                    columns);
        }
    }

    @Override
    public void gradient(int from, int to, double[] scoreGradient, int gradientOffset, int columns,
                         double[] out) {
        int n = to - from;
        if (columns == 1) {
            BLAS_INSTANCE.dgemv("N", d, n, 1.0, x, from * d, d, scoreGradient, gradientOffset, 1, 0.0, out, 0,
                    1);
        } else {
            BLAS_INSTANCE.dgemm("N", "T", d, columns, n, 1.0, x, from * d, d, scoreGradient, gradientOffset,
                    columns, 0.0, out, 0, d);
        }
    }
}
