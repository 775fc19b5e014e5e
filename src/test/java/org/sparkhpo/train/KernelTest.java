package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;

class KernelTest {
    private static final int ROWS = 20;
    private static final int D = 6;
    private static final int CLASSES = 4;
    /** Padding, then a batch of 7 rows out of order, then padding: gathered as order[2..9). */
    private static final int[] ORDER = {0, 1, 13, 2, 7, 19, 0, 11, 5, 3};
    private static final int FROM = 2;
    private static final int TO = 9;

    static Stream<Arguments> lossesAndStorage() {
        return Arrays.stream(LossType.values())
                .flatMap(loss -> Stream.of(Arguments.of(loss, false), Arguments.of(loss, true)));
    }

    @ParameterizedTest
    @MethodSource("lossesAndStorage")
    void miniBatchGradientEqualsTheMeanLossGradient(LossType lossType, boolean sparse) {
        int k = lossType == LossType.SOFTMAX ? CLASSES : 1;
        LabeledData data = data(lossType, sparse, 21);
        double[] theta = randomTheta(k, 22);
        double[] actual = kernelGradient(lossType, data, k, theta);
        double[] expected = referenceGradient(lossType, data, k, theta);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9, "entry " + i);
        }
    }

    /**
     * Single-precision storage: the same gradient to 1e-4 relative (the reference uses the float-rounded
     * features, so only the float arithmetic of the products differs).
     */
    @ParameterizedTest
    @MethodSource("losses")
    void floatStorageGivesTheSameGradientToSinglePrecision(LossType lossType) {
        int k = lossType == LossType.SOFTMAX ? CLASSES : 1;
        LabeledData dense = data(lossType, false, 25);
        LabeledData single = new LabeledData(FloatDenseFeatures.of((DenseFeatures) dense.features()), dense.labels());
        double[] theta = randomTheta(k, 26);
        double[] actual = kernelGradient(lossType, single, k, theta);
        double[] expected = referenceGradient(lossType, single, k, theta);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1e-3, Math.abs(expected[i])), "entry " + i);
        }
        double[] out = new double[ROWS * k];
        Kernel.of(single, k, 1).blockScores(0, ROWS, theta, out);
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < k; j++) {
                double reference = score(single, r, j, k, theta);
                assertEquals(reference, out[r * k + j], 1e-4 * Math.max(1.0, Math.abs(reference)));
            }
        }
    }

    static Stream<LossType> losses() {
        return Arrays.stream(LossType.values());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void blockScoresEqualANaiveLoop(boolean sparse) {
        for (int k : new int[] {1, CLASSES}) {
            LabeledData data = data(LossType.SOFTMAX, sparse, 23);
            double[] theta = randomTheta(k, 24);
            double[] out = new double[ROWS * k];
            Arrays.fill(out, Double.NaN);
            Kernel.of(data, k, 1).blockScores(3, 15, theta, out);
            for (int r = 3; r < 15; r++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(score(data, r, j, k, theta), out[(r - 3) * k + j], 1e-12, "row " + r + " class " + j);
                }
            }
        }
    }

    private static double[] kernelGradient(LossType lossType, LabeledData data, int k, double[] theta) {
        int n = TO - FROM;
        Kernel kernel = Kernel.of(data, k, n);
        double[] scores = new double[n * k];
        double[] gradient = new double[theta.length];
        Arrays.fill(scores, Double.NaN);
        Arrays.fill(gradient, Double.NaN);
        kernel.gather(ORDER, FROM, TO);
        kernel.batchScores(theta, scores);
        lossType.newLoss().gradient(scores, kernel.batchLabels(), 0, n, k, scores);
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= n;
        }
        kernel.batchGradient(scores, gradient);
        return gradient;
    }

    /** d/dtheta of (1/n) sum over the batch of l(s_r, y_r), from the loss formulas written out again. */
    private static double[] referenceGradient(LossType lossType, LabeledData data, int k, double[] theta) {
        int n = TO - FROM;
        double[] gradient = new double[theta.length];
        for (int i = FROM; i < TO; i++) {
            int row = ORDER[i];
            double[] s = new double[k];
            for (int j = 0; j < k; j++) {
                s[j] = score(data, row, j, k, theta);
            }
            double[] dl = scoreDerivative(lossType, s, data.labels()[row]);
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < D; c++) {
                    gradient[j * D + c] += dl[j] * data.features().get(row, c) / n;
                }
                gradient[k * D + j] += dl[j] / n;
            }
        }
        return gradient;
    }

    private static double[] scoreDerivative(LossType lossType, double[] s, double y) {
        switch (lossType) {
            case LEAST_SQUARES:
                return new double[] {s[0] - y};
            case LOGISTIC:
                return new double[] {1.0 / (1.0 + Math.exp(-s[0])) - y};
            case HINGE:
                double t = y == 1 ? 1.0 : -1.0;
                return new double[] {t * s[0] < 1 ? -t : 0.0};
            default:
                double total = 0.0;
                for (double v : s) {
                    total += Math.exp(v);
                }
                double[] dl = new double[s.length];
                for (int j = 0; j < s.length; j++) {
                    dl[j] = Math.exp(s[j]) / total - (j == (int) y ? 1.0 : 0.0);
                }
                return dl;
        }
    }

    private static double score(LabeledData data, int row, int j, int k, double[] theta) {
        double s = theta[k * D + j];
        for (int c = 0; c < D; c++) {
            s += theta[j * D + c] * data.features().get(row, c);
        }
        return s;
    }

    /** Features with about a third zeros; labels fitting the loss (classes, 0/1 or real). */
    private static LabeledData data(LossType lossType, boolean sparse, long seed) {
        Random random = new Random(seed);
        double[] x = new double[ROWS * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.35 ? 0.0 : random.nextGaussian();
        }
        double[] y = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = switch (lossType) {
                case SOFTMAX -> random.nextInt(CLASSES);
                case LEAST_SQUARES -> 3 * random.nextGaussian();
                default -> random.nextInt(2);
            };
        }
        LabeledData dense = new LabeledData(new DenseFeatures(x, ROWS, D), y);
        return sparse ? GeneratedData.toSparse(dense) : dense;
    }

    private static double[] randomTheta(int k, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[k * D + k];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.5 * random.nextGaussian();
        }
        return theta;
    }
}
