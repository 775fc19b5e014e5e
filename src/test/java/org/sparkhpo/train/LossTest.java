package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossTest {
    private static final int ROWS = 5;
    private static final int CLASSES = 4;
    private static final double H = 1e-6;

    @ParameterizedTest
    @EnumSource(LossType.class)
    void gradientMatchesACentralFiniteDifference(LossType lossType) {
        Loss loss = lossType.newLoss();
        int k = loss.outputs(CLASSES);
        Random random = new Random(31 + lossType.ordinal());
        double[] scores = new double[ROWS * k];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 2 * random.nextGaussian();
        }
        double[] labels = labels(lossType, random);
        double[] gradient = new double[scores.length];
        loss.gradient(scores, labels, 0, ROWS, k, gradient);
        for (int i = 0; i < scores.length; i++) {
            double[] plus = scores.clone();
            double[] minus = scores.clone();
            plus[i] += H;
            minus[i] -= H;
            double numeric = (value(loss, plus, labels, k) - value(loss, minus, labels, k)) / (2 * H);
            assertEquals(numeric, gradient[i], 1e-5, lossType + " entry " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void gradientMayOverwriteTheScores(LossType lossType) {
        Loss loss = lossType.newLoss();
        int k = loss.outputs(CLASSES);
        Random random = new Random(41);
        double[] scores = new double[ROWS * k];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextGaussian();
        }
        double[] labels = labels(lossType, random);
        double[] separate = new double[scores.length];
        double total = loss.gradient(scores, labels, 0, ROWS, k, separate);
        assertEquals(total, loss.gradient(scores, labels, 0, ROWS, k, scores));
        assertArrayEquals(separate, scores);
    }

    @Test
    void softmaxLossOfZeroScoresIsLogK() {
        double[] scores = new double[3 * CLASSES];
        double total = new SoftmaxLoss().gradient(scores, new double[] {0, 3, 1}, 0, 3, CLASSES, new double[scores.length]);
        assertEquals(3 * Math.log(CLASSES), total, 1e-12);
    }

    @Test
    void largeScoresDoNotOverflow() {
        double[] g = new double[2];
        assertEquals(2000.0, new LogisticLoss().gradient(new double[] {1000, -1000}, new double[] {0, 1}, 0, 2, 1, g),
                1e-9);
        assertArrayEquals(new double[] {1, -1}, g);
        double softmax = new SoftmaxLoss().gradient(new double[] {1000, 0}, new double[] {1}, 0, 1, 2, new double[2]);
        assertEquals(1000.0, softmax, 1e-9);
    }

    @Test
    void labelOffsetSelectsTheLabels() {
        double[] g = new double[2];
        double total = new LeastSquaresLoss().gradient(new double[] {1, 2}, new double[] {9, 9, 0, 4}, 2, 2, 1, g);
        assertEquals(0.5 * 1 + 0.5 * 4, total, 1e-12);
        assertArrayEquals(new double[] {1, -2}, g);
    }

    @Test
    void hingeIsZeroBeyondTheMargin() {
        double[] g = new double[3];
        double total = new HingeLoss().gradient(new double[] {1.5, -2, 0.5}, new double[] {1, 0, 0}, 0, 3, 1, g);
        assertEquals(1.5, total, 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, g);
        assertEquals(1, new HingeLoss().outputs(CLASSES));
    }

    private static double value(Loss loss, double[] scores, double[] labels, int k) {
        return loss.gradient(scores, labels, 0, ROWS, k, new double[scores.length]);
    }

    private static double[] labels(LossType lossType, Random random) {
        double[] labels = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = switch (lossType) {
                case SOFTMAX -> random.nextInt(CLASSES);
                case LEAST_SQUARES -> random.nextGaussian();
                default -> random.nextInt(2);
            };
        }
        return labels;
    }
}
