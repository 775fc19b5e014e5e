package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparseFeaturesTest {
    /** [[0, 2, 0], [0, 0, 0], [1, 0, 3]]. */
    private static final SparseFeatures MATRIX =
            new SparseFeatures(new int[] {0, 1, 1, 3}, new int[] {1, 0, 2}, new double[] {2, 1, 3}, 3);

    @Test
    void toDenseFillsZeros() {
        DenseFeatures dense = MATRIX.toDense();
        assertEquals(3, dense.rows());
        assertArrayEquals(new double[] {0, 2, 0, 0, 0, 0, 1, 0, 3}, dense.values());
    }

    @Test
    void withColumnsWidensWithoutChangingValues() {
        SparseFeatures wider = MATRIX.withColumns(5);
        assertEquals(5, wider.columns());
        assertEquals(3.0, wider.get(2, 2));
        assertEquals(0.0, wider.get(2, 4));
        assertSame(MATRIX, MATRIX.withColumns(3));
        assertThrows(IllegalArgumentException.class, () -> MATRIX.withColumns(2));
    }
}
