package org.sparkhpo.train;

import java.util.Arrays;
import org.sparkhpo.data.SparseFeatures;

/**
 * The kernel for CSR features: each row's scores are sparse dot products with the k weight rows, and the
 * gradient is scattered from each row's non-zeros. Rows are read in place (no copy, no allocation);
 * a mini-batch is only the list of its row numbers.
 */
final class SparseKernel implements Kernel {
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final double[] labels;
    private final int d;
    private final int k;
    private final int[] batchIndex;
    private final double[] batchY;
    private int batchRows;

    SparseKernel(SparseFeatures features, double[] labels, int k, int maxBatch) {
        this.rowStart = features.rowStart();
        this.columns = features.columnIndices();
        this.values = features.values();
        this.labels = labels;
        this.d = features.columns();
        this.k = k;
        int rows = Math.min(maxBatch, features.rows());
        this.batchIndex = new int[rows];
        this.batchY = new double[rows];
    }

    @Override
    public void gather(int[] order, int from, int to) {
        batchRows = to - from;
        for (int i = 0; i < batchRows; i++) {
            batchIndex[i] = order[from + i];
            batchY[i] = labels[batchIndex[i]];
        }
    }

    @Override
    public double[] batchLabels() {
        return batchY;
    }

    @Override
    public void batchScores(double[] theta, double[] out) {
        for (int i = 0; i < batchRows; i++) {
            rowScores(batchIndex[i], theta, out, i * k);
        }
    }

    @Override
    public void blockScores(int from, int to, double[] theta, double[] out) {
        for (int row = from; row < to; row++) {
            rowScores(row, theta, out, (row - from) * k);
        }
    }

    @Override
    public void batchGradient(double[] scoreGradient, double[] gradientOut) {
        Arrays.fill(gradientOut, 0, k * d + k, 0.0);
        int biasStart = k * d;
        for (int i = 0; i < batchRows; i++) {
            int row = batchIndex[i];
            for (int j = 0; j < k; j++) {
                double g = scoreGradient[i * k + j];
                if (g == 0.0) {
                    continue;
                }
                int weightRow = j * d;
                for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                    gradientOut[weightRow + columns[p]] += g * values[p];
                }
                gradientOut[biasStart + j] += g;
            }
        }
    }

    private void rowScores(int row, double[] theta, double[] out, int outOffset) {
        int biasStart = k * d;
        for (int j = 0; j < k; j++) {
            int weightRow = j * d;
            double s = theta[biasStart + j];
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                s += values[p] * theta[weightRow + columns[p]];
            }
            out[outOffset + j] = s;
        }
    }
}
