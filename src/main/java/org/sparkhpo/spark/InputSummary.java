package org.sparkhpo.spark;

/**
 * What the executors found in one input, before anything is collected: enough to choose the storage and to
 * know its size on the driver.
 *
 * @param rows number of rows
 * @param width number of features (every row has this many)
 * @param nonZeros non-zero feature values in all rows (vector columns; rows x width for numeric columns)
 * @param sparseRows rows whose vector is a {@code SparseVector} (0 for numeric columns)
 */
record InputSummary(long rows, int width, long nonZeros, long sparseRows) {
    /** Bytes per stored value and column index of a CSR matrix. */
    private static final int CSR_BYTES_PER_NONZERO = 8 + 4;

    /**
     * Sparse vectors stay sparse: the features are stored as CSR when the column holds sparse vectors and at
     * most a quarter of the cells are non-zero (above that, dense float storage is smaller than CSR's
     * 12 bytes per non-zero and trains faster through BLAS).
     *
     * @return true for CSR storage
     */
    boolean sparse() {
        return sparseRows > 0 && nonZeros * 4 <= rows * (long) width;
    }

    /** @return the values to store: non-zeros for CSR, every cell for dense storage */
    long storedValues() {
        return sparse() ? nonZeros : rows * (long) width;
    }

    /**
     * The size of the compact arrays on the driver: 8 bytes per label, then 8 bytes per cell (dense doubles,
     * as read and standardized; float storage halves it afterwards) or 4 bytes per row and 12 per non-zero
     * (CSR).
     *
     * @return bytes
     */
    long driverBytes() {
        long features = sparse() ? 4L * (rows + 1) + CSR_BYTES_PER_NONZERO * nonZeros : 8L * rows * width;
        return 8L * rows + features;
    }
}
