package org.sparkhpo.train;

import java.util.Arrays;
import org.sparkhpo.data.SparseFeatures;

/**
 * The kernel for CSR features: each row's scores are sparse dot products with the weight rows, and the
 * gradient is scattered from each row's non-zeros. Rows are read in place (no copy, no allocation).
 */
final class SparseKernel implements Kernel {
    private final int[] rowStart;
    private final int[] columnIndex;
    private final double[] values;
    private final int d;

    SparseKernel(SparseFeatures features) {
        this.rowStart = features.rowStart();
        this.columnIndex = features.columnIndices();
        this.values = features.values();
        this.d = features.columns();
    }

    @Override
    public void scores(int from, int to, double[] weights, int columns, double[] out, int outOffset) {
        for (int row = from; row < to; row++) {
            int rowOffset = outOffset + (row - from) * columns;
            for (int c = 0; c < columns; c++) {
                int weightRow = c * d;
                double s = 0.0;
                for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                    s += values[p] * weights[weightRow + columnIndex[p]];
                }
                out[rowOffset + c] = s;
            }
        }
    }

    @Override
    public void gradient(int from, int to, double[] scoreGradient, int gradientOffset, int columns,
                         double[] out) {
        Arrays.fill(out, 0, columns * d, 0.0);
        for (int row = from; row < to; row++) {
            int rowOffset = gradientOffset + (row - from) * columns;
            for (int c = 0; c < columns; c++) {
                double g = scoreGradient[rowOffset + c];
                if (g == 0.0) {
                    continue;
                }
                int weightRow = c * d;
                for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                    out[weightRow + columnIndex[p]] += g * values[p];
                }
            }
        }
    }
}
