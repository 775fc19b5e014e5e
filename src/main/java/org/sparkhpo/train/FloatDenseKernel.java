package org.sparkhpo.train;

import dev.ludovic.netlib.blas.BLAS;
import org.sparkhpo.data.FloatDenseFeatures;

/**
 * The dense kernel for single-precision features: the same products as {@link DenseKernel} through
 * {@code sgemm}/{@code sgemv}, reading the block in place, with the weights converted to a float buffer and
 * the products converted back to double per call (O(columns (d + n)) against the O(n columns d) products). The
 * scores are computed as X W^T (rows by columns, column-major) and transposed in that conversion, the faster
 * form for sgemm.
 * Parameters, their updates, losses and metrics stay in double precision.
 */
final class FloatDenseKernel implements Kernel {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private final float[] x;
    private final int d;
    private final float[] weightsF;
    private final float[] blockF;

    /**
     * @param features the rows
     * @param maxRows the most rows of one block
     * @param maxColumns the most weight rows of one call
     */
    FloatDenseKernel(FloatDenseFeatures features, int maxRows, int maxColumns) {
        this.x = features.values();
        this.d = features.columns();
        this.weightsF = new float[maxColumns * d];
        this.blockF = new float[Math.max(1, maxRows) * maxColumns];
    }

    @Override
    public void scores(int from, int to, double[] weights, int columns, double[] out, int outOffset) {
        int n = to - from;
        for (int i = 0; i < columns * d; i++) {
            weightsF[i] = (float) weights[i];
        }
        if (columns == 1) {
            BLAS_INSTANCE.sgemv("T", d, n, 1.0f, x, from * d, d, weightsF, 0, 1, 0.0f, blockF, 0, 1);
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = blockF[i];
            }
        } else {
            // X W^T as an n x columns column-major product, transposed while converted: sgemm runs this form
            // faster than W X^T (columns x n) on blocks streamed from memory, 1.07x for 80 columns, 1.17x for 40,
            // 1.34x for 10 (bench.GemmForms, BENCHMARKS.md).
            BLAS_INSTANCE.sgemm("T", "N", n, columns, d, 1.0f, x, from * d, d, weightsF, 0, d, 0.0f, blockF, 0, n);
            for (int c = 0; c < columns; c++) {
                for (int r = 0; r < n; r++) {
                    out[outOffset + r * columns + c] = blockF[c * n + r];
                }
            }
        }
    }

    @Override
    public void gradient(int from, int to, double[] scoreGradient, int gradientOffset, int columns,
                         double[] out) {
        int n = to - from;
        for (int i = 0; i < n * columns; i++) {
            blockF[i] = (float) scoreGradient[gradientOffset + i];
        }
        if (columns == 1) {
            BLAS_INSTANCE.sgemv("N", d, n, 1.0f, x, from * d, d, blockF, 0, 1, 0.0f, weightsF, 0, 1);
        } else {
            BLAS_INSTANCE.sgemm("N", "T", d, columns, n, 1.0f, x, from * d, d, blockF, 0, columns, 0.0f,
                    weightsF, 0, d);
        }
        for (int i = 0; i < columns * d; i++) {
            out[i] = weightsF[i];
        }
    }
}
