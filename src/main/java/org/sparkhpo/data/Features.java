package org.sparkhpo.data;

import java.io.Serializable;

/**
 * A feature matrix in compact primitive arrays, the form that is broadcast to executors once per job.
 * Immutable after construction (arrays are never written once the matrix is built, and no
 * method hands out an array to be written).
 */
public sealed interface Features extends Serializable permits DenseFeatures, FloatDenseFeatures, SparseFeatures {
    /** @return the number of rows (examples) */
    int rows();

    /** @return the number of columns (features) */
    int columns();

    /** @return the value at (row, column); for tests and slow paths only */
    double get(int row, int column);

    /** @return a new matrix holding the given rows, in the given order */
    Features selectRows(int[] rowIndices);

    /** @return the number of bytes of the primitive arrays that hold this matrix */
    long sizeInBytes();

    /**
     * @param row a row
     * @param vector at least {@link #columns()} values
     * @return the dot product of the row with the vector's first {@code columns()} values (slow paths only:
     *     training goes through the BLAS kernels)
     */
    double dot(int row, double[] vector);

    /**
     * Adds {@code scale} times the row to the first {@code columns()} values of {@code out} (slow paths only).
     *
     * @param row a row
     * @param scale the factor
     * @param out the accumulator
     */
    void addScaledRow(int row, double scale, double[] out);
}
