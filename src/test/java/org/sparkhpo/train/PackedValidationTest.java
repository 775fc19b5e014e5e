package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;

/** {@link ModelEvaluator#evaluateAll}: several models scored with one product per block equal each scored alone. */
class PackedValidationTest {
    private static final double[][] CENTERS = {{1, 0}, {-1, 0}, {0, 1}};
    /** More rows than one block, so that blocks and the last partial block are both exercised. */
    private static final LabeledData DENSE = GeneratedData.clusters(1_300, CENTERS, 5);

    private static List<double[]> models(int count, int d, int k) {
        Random random = new Random(9);
        return java.util.stream.IntStream.range(0, count).mapToObj(m -> {
            double[] theta = new double[k * d + k];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = random.nextGaussian();
            }
            return theta;
        }).toList();
    }

    private static void assertPackedEqualsAlone(LabeledData data, Metric metric) {
        ModelEvaluator evaluator = new ModelEvaluator(data, 3, false);
        List<double[]> thetas = models(5, data.features().columns(), 3);
        double[] packed = evaluator.evaluateAll(thetas, metric);
        for (int m = 0; m < thetas.size(); m++) {
            assertEquals(evaluator.evaluate(thetas.get(m), metric), packed[m], 1e-9, metric + " model " + m);
        }
    }

    @Test
    void denseSparseAndFloatDataGiveEachModelsOwnMetric() {
        for (Metric metric : List.of(Metric.ACCURACY, Metric.LOG_LOSS)) {
            assertPackedEqualsAlone(DENSE, metric);
            assertPackedEqualsAlone(GeneratedData.toSparse(DENSE), metric);
            assertPackedEqualsAlone(new LabeledData(FloatDenseFeatures.of((DenseFeatures) DENSE.features()),
                    DENSE.labels()), metric);
        }
    }

    @Test
    void blocksSplitAcrossThreadsGiveEachModelsOwnMetric() {
        ModelEvaluator evaluator = new ModelEvaluator(DENSE, 3, false);
        for (int threads : new int[] {2, 3}) {
            for (int count : new int[] {1, 5}) {
                List<double[]> thetas = models(count, 2, 3);
                try (ParallelKernel kernel = new ParallelKernel(DENSE.features(), 32, 3 * count, threads)) {
                    double[] accuracy = evaluator.evaluateAll(thetas, Metric.ACCURACY, kernel);
                    double[] logLoss = evaluator.evaluateAll(thetas, Metric.LOG_LOSS, kernel);
                    for (int m = 0; m < count; m++) {
                        String what = count + " models on " + threads + " threads, model " + m;
                        assertEquals(evaluator.evaluate(thetas.get(m), Metric.ACCURACY), accuracy[m], what);
                        assertEquals(evaluator.evaluate(thetas.get(m), Metric.LOG_LOSS), logLoss[m], 1e-12, what);
                    }
                }
            }
        }
    }

    @Test
    void aPackOfOneOrNoneIsScoredAsAlone() {
        ModelEvaluator evaluator = new ModelEvaluator(DENSE, 3, false);
        double[] theta = models(1, 2, 3).get(0);
        assertEquals(evaluator.evaluate(theta, Metric.ACCURACY), evaluator.evaluateAll(List.of(theta),
                Metric.ACCURACY)[0]);
        assertEquals(0, evaluator.evaluateAll(List.of(), Metric.ACCURACY).length);
    }
}
