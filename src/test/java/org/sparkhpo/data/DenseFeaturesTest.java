package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseFeaturesTest {
    /** Every width around the dot product's four partial sums: the tail loop and the unrolled one. */
    @Test
    void dotEqualsTheRowByRowSumForEveryWidth() {
        SplittableRandom random = new SplittableRandom(7);
        for (int columns = 1; columns <= 11; columns++) {
            int rows = 3;
            double[] values = new double[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble(-2.0, 2.0);
            }
            double[] vector = new double[columns + 1];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = random.nextDouble(-2.0, 2.0);
            }
            DenseFeatures dense = new DenseFeatures(values, rows, columns);
            FloatDenseFeatures single = FloatDenseFeatures.of(dense);
            for (int r = 0; r < rows; r++) {
                double expected = 0.0;
                double expectedSingle = 0.0;
                for (int c = 0; c < columns; c++) {
                    expected += values[r * columns + c] * vector[c];
                    expectedSingle += (float) values[r * columns + c] * vector[c];
                }
                assertEquals(expected, dense.dot(r, vector), 1e-12, "columns " + columns + ", row " + r);
                assertEquals(expectedSingle, single.dot(r, vector), 1e-12, "float, columns " + columns);
            }
        }
    }
}
