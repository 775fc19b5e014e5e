package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;

/**
 * Intra-trial data parallelism ({@link ParallelKernel}, {@code threads}): the products split across T threads
 * equal the one-thread products (scores exactly, gradients to summation-order tolerance), and a training run,
 * alone or packed, with T threads ends where the one-thread run ends, for dense double, dense float and sparse
 * features, including a last block with fewer rows than threads.
 */
class ParallelTrainingTest {
    private static final int CLASSES = 4;
    /** 410 rows in blocks of 32: 12 full blocks and a partial one of 26 rows. */
    private static final LabeledData DENSE = GeneratedData.axisClusters(410, 8, CLASSES, 41);
    private static final LabeledData VALIDATION = GeneratedData.axisClusters(200, 8, CLASSES, 42);
    private static final long ORDER_SEED = 5L;

    private static LabeledData data(String kind) {
        return switch (kind) {
            case "double" -> DENSE;
            case "float" -> new LabeledData(FloatDenseFeatures.of((DenseFeatures) DENSE.features()), DENSE.labels());
            default -> GeneratedData.toSparse(GeneratedData.withZeros(DENSE, 0.4, 43));
        };
    }

    /** Float features round their products to float, so their sums may differ more with the order. */
    private static double tolerance(String kind) {
        return kind.equals("float") ? 1e-4 : 1e-9;
    }

    @ParameterizedTest(name = "{0} features, {1} threads, rows [{2}, {3})")
    @CsvSource({"double, 2, 0, 64", "double, 3, 10, 74", "float, 2, 0, 64", "float, 4, 5, 7", "sparse, 3, 0, 64",
            "double, 4, 408, 410"})
    void productsOnThreadsEqualOneThread(String kind, int threads, int from, int to) {
        LabeledData data = data(kind);
        int columns = 3 * CLASSES;
        int d = data.features().columns();
        Random random = new Random(7);
        double[] weights = random.doubles(columns * d, -1, 1).toArray();
        double[] g = random.doubles((to - from) * columns, -1, 1).toArray();
        Kernel one = Kernel.of(data.features(), 64, columns);
        try (ParallelKernel many = new ParallelKernel(data.features(), 64, columns, threads)) {
            double[] expected = new double[(to - from) * columns];
            double[] actual = new double[expected.length];
            one.scores(from, to, weights, columns, expected);
            many.scores(from, to, weights, columns, actual);
            assertArrayEquals(expected, actual, 0.0, "scores are the same numbers row by row");
            double[] expectedGradient = new double[columns * d];
            double[] actualGradient = new double[columns * d];
            one.gradient(from, to, g, columns, expectedGradient);
            many.gradient(from, to, g, columns, actualGradient);
            assertArrayEquals(expectedGradient, actualGradient, tolerance(kind) * (to - from),
                    "gradient = sum of the slices' partial gradients");
            assertNotEquals(0.0, actualGradient[0], "the gradient was written");
        }
    }

    @ParameterizedTest(name = "{0} features on {1} threads")
    @CsvSource({"double, 2", "double, 3", "float, 2", "sparse, 2"})
    void trainingOnThreadsEndsWhereOneThreadEnds(String kind, int threads) {
        LabeledData train = data(kind);
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.LOG_LOSS, new StoppingRules(0, 0.0, 1000),
                CLASSES);
        HyperParameters one = new HyperParameters(0.05, 0.9, false, 32, 4, 1e-4, 1e-3, "cosine", 0.5, 2);
        HyperParameters many = new HyperParameters(0.05, 0.9, false, 32, 4, 1e-4, 1e-3, "cosine", 0.5, 2, threads);
        TrainingOutcome alone = trainer.train(train, VALIDATION, one, ORDER_SEED);
        TrainingOutcome parallel = trainer.train(train, VALIDATION, many, ORDER_SEED);
        assertFalse(parallel.failed());
        assertEquals(alone.epochsRun(), parallel.epochsRun());
        assertEquals(alone.bestMetric(), parallel.bestMetric(), tolerance(kind) * 10, "validation log-loss");
        assertArrayEquals(alone.theta(), parallel.theta(), tolerance(kind) * 100, "parameters");
    }

    @ParameterizedTest(name = "a pack of two on {0} threads")
    @CsvSource({"2", "3"})
    void packOnThreadsEqualsPackOnOneThread(int threads) {
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(0, 0.0, 1000),
                CLASSES);
        List<ResumedTraining> one = trainer.trainPack(members(trainer, 1), DENSE, VALIDATION, ORDER_SEED);
        List<ResumedTraining> many = trainer.trainPack(members(trainer, threads), DENSE, VALIDATION, ORDER_SEED);
        for (int m = 0; m < one.size(); m++) {
            assertArrayEquals(one.get(m).outcome().theta(), many.get(m).outcome().theta(), 1e-7, "member " + m);
        }
    }

    @ParameterizedTest(name = "a pack of three, one diverging, on {0} threads")
    @CsvSource({"2", "3"})
    void packSplitAcrossThreadsDropsADivergingMemberLikeOneThread(int threads) {
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(0, 0.0, 1000),
                CLASSES);
        List<ResumedTraining> one = trainer.trainPack(withDiverging(members(trainer, 1)), DENSE, VALIDATION,
                ORDER_SEED);
        List<ResumedTraining> many = trainer.trainPack(withDiverging(members(trainer, threads)), DENSE, VALIDATION,
                ORDER_SEED);
        assertTrue(many.get(1).outcome().failed(), "the diverging member, on the second thread's share, fails");
        String failure = many.get(1).outcome().failure();
        assertTrue(failure.startsWith("epoch 1: training loss exploded"), failure);
        assertTrue(one.get(1).outcome().failure().startsWith("epoch 1: training loss exploded"), "one thread too");
        for (int m : new int[] {0, 2}) {
            assertFalse(many.get(m).outcome().failed(), "member " + m);
            assertEquals(3, many.get(m).outcome().epochsRun(), "member " + m);
            assertArrayEquals(one.get(m).outcome().theta(), many.get(m).outcome().theta(), 1e-7, "member " + m);
        }
    }

    /** The two members of {@link #members} with a third between them whose step size makes it diverge. */
    private static List<PackMember> withDiverging(List<PackMember> two) {
        HyperParameters first = two.get(0).hyperParameters();
        HyperParameters diverging = new HyperParameters(1e6, 0.9, false, 32, 3, 0.0, 0.0, "constant", 0.5, 2,
                first.threads());
        return List.of(two.get(0), new PackMember(diverging, two.get(0).start(), 3), two.get(1));
    }

    @ParameterizedTest(name = "threads {0} and {1} in one pack")
    @CsvSource({"1, 2"})
    void packRefusesMixedThreads(int a, int b) {
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(0, 0.0, 1000),
                CLASSES);
        List<PackMember> mixed = List.of(members(trainer, a).get(0), members(trainer, b).get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.trainPack(mixed, DENSE, VALIDATION, ORDER_SEED));
        assertEquals(true, e.getMessage().contains("threads"), e.getMessage());
    }

    private static List<PackMember> members(SgdTrainer trainer, int threads) {
        TrainingState start = TrainingState.initial(trainer.numParameters(DENSE));
        return List.of(
                new PackMember(new HyperParameters(0.05, 0.9, false, 32, 3, 1e-4, 0.0, "constant", 0.5, 2, threads),
                        start, 3),
                new PackMember(new HyperParameters(0.01, 0.5, true, 32, 3, 1e-2, 1e-3, "cosine", 0.5, 2, threads),
                        start, 3));
    }
}
