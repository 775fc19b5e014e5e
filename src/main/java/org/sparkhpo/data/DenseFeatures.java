package org.sparkhpo.data;

import java.util.Objects;

/**
 * Dense row-major features: the value of (row r, column c) is {@code values[r * columns + c]}.
 * This layout lets a contiguous block of rows be handed to BLAS as one column-major matrix
 * (the transposed block), which is what the training kernel does.
 */
public final class DenseFeatures implements Features {
    private static final long serialVersionUID = 1L;

    private final double[] values;
    private final int rows;
    private final int columns;

    /**
     * @param values row-major values, length {@code rows * columns}; owned by this object from now on
     * @param rows number of rows
     * @param columns number of columns
     */
    public DenseFeatures(double[] values, int rows, int columns) {
        this.values = Objects.requireNonNull(values, "values");
        if (rows < 0 || columns < 0 || (long) rows * columns != values.length) {
            throw new IllegalArgumentException(
                    "dense features: " + values.length + " values do not form " + rows + " x " + columns);
        }
        this.rows = rows;
        this.columns = columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /**
     * The backing array, for the training kernel's BLAS calls. Callers must not write to it.
     *
     * @return the row-major values
     */
    public double[] values() {
        return values;
    }

    @Override
    public DenseFeatures selectRows(int[] rowIndices) {
        double[] out = new double[rowIndices.length * columns];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(values, rowIndices[i] * columns, out, i * columns, columns);
        }
        return new DenseFeatures(out, rowIndices.length, columns);
    }

    @Override
    public long sizeInBytes() {
        return 8L * values.length;
    }

    @Override
    public double dot(int row, double[] vector) {
        // Four partial sums: a single one chains every add on the one before (about 4x slower, latency-bound).
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int base = row * columns;
        int c = 0;
        for (; c + 3 < columns; c += 4) {
            s0 += values[base + c] * vector[c];
            s1 += values[base + c + 1] * vector[c + 1];
            s2 += values[base + c + 2] * vector[c + 2];
            s3 += values[base + c + 3] * vector[c + 3];
        }
        for (; c < columns; c++) {
            s0 += values[base + c] * vector[c];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void addScaledRow(int row, double scale, double[] out) {
        int base = row * columns;
        for (int c = 0; c < columns; c++) {
            out[c] += scale * values[base + c];
        }
    }
}
