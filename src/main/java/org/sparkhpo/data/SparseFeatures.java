package org.sparkhpo.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sparse features in compressed sparse row (CSR) form: the non-zeros of row r are at positions
 * {@code rowStart[r] .. rowStart[r+1]-1} of {@code columnIndices} (0-based, increasing within a row)
 * and {@code values}.
 */
public final class SparseFeatures implements Features {
    private static final long serialVersionUID = 1L;

    private final int[] rowStart;
    private final int[] columnIndices;
    private final double[] values;
    private final int columns;

    /**
     * @param rowStart length rows + 1, non-decreasing, starting at 0 and ending at the number of non-zeros
     * @param columnIndices 0-based column of each stored value, increasing within a row
     * @param values the stored values
     * @param columns number of columns
     */
    public SparseFeatures(int[] rowStart, int[] columnIndices, double[] values, int columns) {
        this.rowStart = Objects.requireNonNull(rowStart, "rowStart");
        this.columnIndices = Objects.requireNonNull(columnIndices, "columnIndices");
        this.values = Objects.requireNonNull(values, "values");
        if (rowStart.length == 0 || rowStart[0] != 0 || rowStart[rowStart.length - 1] != values.length
                || columnIndices.length != values.length) {
            throw new IllegalArgumentException("sparse features: inconsistent CSR arrays");
        }
        this.columns = columns;
    }

    @Override
    public int rows() {
        return rowStart.length - 1;
    }

    @Override
    public int columns() {
        return columns;
    }

    /** @return CSR row offsets (length rows + 1); callers must not write to it */
    public int[] rowStart() {
        return rowStart;
    }

    /** @return CSR column indices; callers must not write to it */
    public int[] columnIndices() {
        return columnIndices;
    }

    /** @return CSR values; callers must not write to it */
    public double[] values() {
        return values;
    }

    @Override
    public double get(int row, int column) {
        int from = rowStart[row];
        int to = rowStart[row + 1];
        int found = Arrays.binarySearch(columnIndices, from, to, column);
        return found >= 0 ? values[found] : 0.0;
    }

    @Override
    public SparseFeatures selectRows(int[] rowIndices) {
        int[] start = new int[rowIndices.length + 1];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            start[i + 1] = start[i] + rowStart[r + 1] - rowStart[r];
        }
        int[] cols = new int[start[rowIndices.length]];
        double[] vals = new double[cols.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            int length = rowStart[r + 1] - rowStart[r];
            System.arraycopy(columnIndices, rowStart[r], cols, start[i], length);
            System.arraycopy(values, rowStart[r], vals, start[i], length);
        }
        return new SparseFeatures(start, cols, vals, columns);
    }

    /**
     * The same rows with more columns, for LIBSVM files whose inferred width is smaller than another file's
     * (trailing all-zero features are simply not written). Shares the arrays, which are never written.
     *
     * @param wider the new number of columns, at least {@link #columns()}
     * @return a matrix with {@code wider} columns and the same non-zeros
     */
    public SparseFeatures withColumns(int wider) {
        if (wider < columns) {
            throw new IllegalArgumentException(
                    "sparse features: cannot narrow " + columns + " columns to " + wider);
        }
        return wider == columns ? this : new SparseFeatures(rowStart, columnIndices, values, wider);
    }

    /** @return a dense copy of this matrix (8 bytes per cell: rows x columns can be large) */
    public DenseFeatures toDense() {
        int rows = rows();
        double[] dense = new double[Math.multiplyExact(rows, columns)];
        for (int r = 0; r < rows; r++) {
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                dense[r * columns + columnIndices[i]] = values[i];
            }
        }
        return new DenseFeatures(dense, rows, columns);
    }

    @Override
    public long sizeInBytes() {
        return 4L * rowStart.length + 4L * columnIndices.length + 8L * values.length;
    }

    @Override
    public double dot(int row, double[] vector) {
        double sum = 0.0;
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            sum += values[k] * vector[columnIndices[k]];
        }
        return sum;
    }

    @Override
    public void addScaledRow(int row, double scale, double[] out) {
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            out[columnIndices[k]] += scale * values[k];
        }
    }
}
