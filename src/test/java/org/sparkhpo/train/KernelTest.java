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
    /** A mini-batch is the contiguous block of rows [FROM, TO), read in place. */
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
        Kernel.of(single.features(), ROWS, k).modelScores(0, ROWS, theta, k, D, out);
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
            Kernel.of(data.features(), ROWS, k).modelScores(3, 15, theta, k, D, out);
            for (int r = 3; r < 15; r++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(score(data, r, j, k, theta), out[(r - 3) * k + j], 1e-12, "row " + r + " class " + j);
                }
            }
        }
    }

    /**
     * A pack of three models side by side (weights concatenated into one (3 k) x d matrix): each model's
     * scores and gradient columns equal those of the model alone, in every storage.
     */
    @ParameterizedTest
    @ValueSource(strings = {"double", "float", "sparse"})
    void packedProductsEqualEachModelAlone(String storage) {
        int k = CLASSES;
        int models = 3;
        LabeledData dense = data(LossType.SOFTMAX, false, 27);
        LabeledData data = switch (storage) {
            case "float" -> new LabeledData(FloatDenseFeatures.of((DenseFeatures) dense.features()), dense.labels());
            case "sparse" -> GeneratedData.toSparse(dense);
            default -> dense;
        };
        double tolerance = storage.equals("float") ? 1e-4 : 1e-12;
        int n = TO - FROM;
        double[] packedWeights = randomTheta(models * k, 28);
        double[] packedG = randomTheta(n * models * k, 29);
        Kernel kernel = Kernel.of(data.features(), n, models * k);
        double[] packedScores = new double[n * models * k];
        double[] packedGradient = new double[models * k * D];
        kernel.scores(FROM, TO, packedWeights, models * k, packedScores);
        kernel.gradient(FROM, TO, packedG, models * k, packedGradient);
        for (int m = 0; m < models; m++) {
            double[] weights = Arrays.copyOfRange(packedWeights, m * k * D, (m + 1) * k * D);
            double[] g = new double[n * k];
            for (int r = 0; r < n; r++) {
                System.arraycopy(packedG, r * models * k + m * k, g, r * k, k);
            }
            double[] scores = new double[n * k];
            double[] gradient = new double[k * D];
            kernel.scores(FROM, TO, weights, k, scores);
            kernel.gradient(FROM, TO, g, k, gradient);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(scores[r * k + j], packedScores[r * models * k + m * k + j], tolerance);
                }
            }
            for (int i = 0; i < k * D; i++) {
                assertEquals(gradient[i], packedGradient[m * k * D + i], tolerance, "model " + m + " entry " + i);
            }
        }
    }

    private static double[] kernelGradient(LossType lossType, LabeledData data, int k, double[] theta) {
        int n = TO - FROM;
        Kernel kernel = Kernel.of(data.features(), n, k);
        double[] scores = new double[n * k];
        double[] gradient = new double[theta.length];
        Arrays.fill(scores, Double.NaN);
        Arrays.fill(gradient, Double.NaN);
        kernel.modelScores(FROM, TO, theta, k, D, scores);
        lossType.newLoss().gradient(scores, data.labels(), FROM, n, k, scores);
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= n;
        }
        kernel.gradient(FROM, TO, scores, k, gradient);
        for (int j = 0; j < k; j++) {
            double sum = 0.0;
            for (int r = 0; r < n; r++) {
                sum += scores[r * k + j];
            }
            gradient[k * D + j] = sum;
        }
        return gradient;
    }

    /** d/dtheta of (1/n) sum over the batch of l(s_r, y_r), from the loss formulas written out again. */
    private static double[] referenceGradient(LossType lossType, LabeledData data, int k, double[] theta) {
        int n = TO - FROM;
        double[] gradient = new double[theta.length];
        for (int row = FROM; row < TO; row++) {
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
