package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTest {
    private static double value(Metric metric, double[] scores, double[] labels, int k) {
        double[] sum = new double[2];
        metric.accumulate(scores, labels, 0, labels.length, k, sum);
        return metric.finish(sum);
    }

    /** Score > 0 predicts 1: rows 0 and 1 right, row 2 (score 0 predicts 0) and row 3 wrong. */
    @Test
    void accuracyOfOneScore() {
        assertEquals(0.5, value(Metric.ACCURACY, new double[] {0.5, -0.2, 0.0, 2}, new double[] {1, 0, 1, 0}, 1));
    }

    /** Argmax per row: 1 (right), 2 (right), a tie between 0 and 1 goes to 0 (label 1, wrong). */
    @Test
    void accuracyOfClassScores() {
        double[] scores = {0, 3, 1, -1, 0, 2, 4, 4, 0};
        assertEquals(2.0 / 3, value(Metric.ACCURACY, scores, new double[] {1, 2, 1}, 3), 1e-15);
    }

    /** p = sigmoid(0) = 1/2 and sigmoid(ln 3) = 3/4 for label 1: mean of ln 2 and ln(4/3). */
    @Test
    void logLossOfOneScore() {
        double expected = (Math.log(2) + Math.log(4.0 / 3)) / 2;
        assertEquals(expected, value(Metric.LOG_LOSS, new double[] {0, Math.log(3)}, new double[] {1, 1}, 1), 1e-12);
        assertEquals(Math.log(4), value(Metric.LOG_LOSS, new double[] {Math.log(3)}, new double[] {0}, 1), 1e-12);
    }

    @Test
    void logLossOfEqualClassScoresIsLogK() {
        assertEquals(Math.log(3), value(Metric.LOG_LOSS, new double[] {5, 5, 5}, new double[] {2}, 3), 1e-12);
    }

    /** A probability of about e^-1000 is clipped to 1e-15, so the loss is -ln 1e-15 = 34.538776394910684. */
    @Test
    void logLossClipsTinyProbabilities() {
        assertEquals(34.538776394910684, value(Metric.LOG_LOSS, new double[] {-1000}, new double[] {1}, 1), 1e-9);
    }

    /** Squared errors 0, 4 and 9: sqrt(13 / 3). */
    @Test
    void rmse() {
        assertEquals(Math.sqrt(13.0 / 3), value(Metric.RMSE, new double[] {1, 2, 4}, new double[] {1, 0, 1}, 1), 1e-15);
    }

    @Test
    void accumulateAddsBlocksAtTheirLabelOffset() {
        double[] labels = {1, 0, 1};
        double[] sum = new double[2];
        Metric.RMSE.accumulate(new double[] {1, 2}, labels, 0, 2, 1, sum);
        Metric.RMSE.accumulate(new double[] {4}, labels, 2, 1, 1, sum);
        assertEquals(Math.sqrt(13.0 / 3), Metric.RMSE.finish(sum), 1e-15);
    }

    @Test
    void isBetterFollowsTheDirection() {
        assertTrue(Metric.ACCURACY.isBetter(0.9, 0.8));
        assertFalse(Metric.ACCURACY.isBetter(0.8, 0.9));
        assertFalse(Metric.ACCURACY.isBetter(0.8, 0.8));
        assertTrue(Metric.RMSE.isBetter(0.1, 0.2));
        assertFalse(Metric.LOG_LOSS.isBetter(0.3, 0.2));
    }

    @Test
    void nanIsNeverBetterAndAlwaysBeaten() {
        assertFalse(Metric.ACCURACY.isBetter(Double.NaN, 0.1));
        assertTrue(Metric.ACCURACY.isBetter(0.1, Double.NaN));
        assertTrue(Metric.RMSE.isBetter(1e9, Double.NaN));
        assertFalse(Metric.RMSE.isBetter(Double.NaN, Double.NaN));
    }

    @Test
    void byNameIgnoresCase() {
        assertEquals(Optional.of(Metric.LOG_LOSS), Metric.byName("Log-Loss"));
        assertEquals(Optional.empty(), Metric.byName("auc"));
    }
}
