package org.sparkhpo.train;

import dev.ludovic.netlib.blas.BLAS;
import org.sparkhpo.data.FloatDenseFeatures;

/**
 * The dense kernel for single-precision features: the same products as {@link DenseKernel} through
 * {@code sgemm}/{@code sgemv}, with the parameters copied to a float buffer once per mini-batch and the
 * scores and gradients converted back to double (O(k d + b k) per batch against the O(b k d) products).
 * Parameters, their updates, losses and metrics stay in double precision.
 */
final class FloatDenseKernel implements Kernel {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private final float[] x;
    private final double[] labels;
    private final int d;
    private final int k;
    private final float[] batchX;
    private final double[] batchY;
    private final float[] thetaF;
    private final float[] scoresF;
    private final float[] gradientF;
    private int batchRows;

    FloatDenseKernel(FloatDenseFeatures features, double[] labels, int k, int maxBatch, int maxBlock) {
        this.x = features.values();
        this.labels = labels;
        this.d = features.columns();
        this.k = k;
        int rows = Math.min(maxBatch, features.rows());
        this.batchX = new float[rows * d];
        this.batchY = new double[rows];
        this.thetaF = new float[k * d + k];
        this.scoresF = new float[Math.max(rows, Math.min(maxBlock, features.rows())) * k];
        this.gradientF = new float[k * d];
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
        for (int i = 0; i < n * k; i++) {
            scoresF[i] = (float) scoreGradient[i];
        }
        if (k == 1) {
            BLAS_INSTANCE.sgemv("N", d, n, 1.0f, batchX, 0, d, scoresF, 0, 1, 0.0f, gradientF, 0, 1);
        } else {
            BLAS_INSTANCE.sgemm("N", "T", d, k, n, 1.0f, batchX, 0, d, scoresF, 0, k, 0.0f, gradientF, 0, d);
        }
        for (int i = 0; i < k * d; i++) {
            gradientOut[i] = gradientF[i];
        }
        Kernel.biasGradient(scoreGradient, n, k, gradientOut, k * d);
    }

    private void scores(float[] a, int offset, int n, double[] theta, double[] out) {
        for (int i = 0; i < k * d; i++) {
            thetaF[i] = (float) theta[i];
        }
        if (k == 1) {
            BLAS_INSTANCE.sgemv("T", d, n, 1.0f, a, offset, d, thetaF, 0, 1, 0.0f, scoresF, 0, 1);
        } else {
            BLAS_INSTANCE.sgemm("T", "N", k, n, d, 1.0f, thetaF, 0, d, a, offset, d, 0.0f, scoresF, 0, k);
        }
        int biasStart = k * d;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                out[r * k + j] = scoresF[r * k + j] + theta[biasStart + j];
            }
        }
    }
}
