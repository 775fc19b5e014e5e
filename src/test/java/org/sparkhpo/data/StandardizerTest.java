package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    private static final int ROWS = 200;
    private static final int COLUMNS = 5;

    /** Columns with different means and spreads; the last one is constant. */
    static DenseFeatures features(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[ROWS * COLUMNS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS - 1; c++) {
                values[r * COLUMNS + c] = 10.0 * c - 3.0 + (c + 1) * 4.0 * random.nextDouble();
            }
            values[r * COLUMNS + COLUMNS - 1] = 7.0;
        }
        return new DenseFeatures(values, ROWS, COLUMNS);
    }

    @Test
    void trainingPartGetsMeanZeroAndUnitDeviation() {
        DenseFeatures raw = features(1L);
        Standardizer standardizer = Standardizer.fit(raw);
        DenseFeatures standardized = standardizer.transform(raw);
        for (int c = 0; c < COLUMNS - 1; c++) {
            double sum = 0.0;
            double squares = 0.0;
            for (int r = 0; r < ROWS; r++) {
                double v = standardized.get(r, c);
                sum += v;
                squares += v * v;
            }
            assertEquals(0.0, sum / ROWS, 1e-9, "mean of column " + c);
            assertEquals(1.0, Math.sqrt(squares / ROWS), 1e-9, "deviation of column " + c);
        }
    }

    @Test
    void standardizingStraightIntoFloatGivesTheSameNumbersAsConvertingAfterwards() {
        DenseFeatures raw = features(3L);
        Standardizer standardizer = Standardizer.fit(raw);
        FloatDenseFeatures direct = standardizer.transformToFloat(raw);
        FloatDenseFeatures converted = FloatDenseFeatures.of(standardizer.transform(raw));
        assertEquals(converted.rows(), direct.rows());
        assertEquals(converted.columns(), direct.columns());
        assertArrayEquals(converted.values(), direct.values(), 0.0f);
    }

    @Test
    void constantColumnGetsScaleOneAndBecomesZero() {
        Standardizer standardizer = Standardizer.fit(features(2L));
        assertEquals(1.0, standardizer.scale()[COLUMNS - 1]);
        assertEquals(0.0, standardizer.transform(features(3L)).get(17, COLUMNS - 1));
    }

    @Test
    void rawWeightsScoreRawDataLikeTheStandardizedModel() {
        DenseFeatures raw = features(4L);
        Standardizer standardizer = Standardizer.fit(raw);
        DenseFeatures unseen = features(5L);
        DenseFeatures standardized = standardizer.transform(unseen);
        int classes = 3;
        SplittableRandom random = new SplittableRandom(6L);
        double[] weights = random.doubles(classes * COLUMNS, -2, 2).toArray();
        double[] bias = random.doubles(classes, -1, 1).toArray();
        double[] rawWeights = weights.clone();
        double[] rawBias = bias.clone();
        standardizer.toRawWeights(rawWeights, rawBias);
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < classes; k++) {
                assertEquals(score(standardized, r, weights, bias[k], k), score(unseen, r, rawWeights, rawBias[k], k),
                        1e-9, "row " + r + " class " + k);
            }
        }
    }

    private static double score(DenseFeatures x, int row, double[] weights, double bias, int k) {
        double s = bias;
        for (int c = 0; c < x.columns(); c++) {
            s += weights[k * x.columns() + c] * x.get(row, c);
        }
        return s;
    }
}
