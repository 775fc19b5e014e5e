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
}
