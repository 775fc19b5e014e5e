package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.LabeledData;

class SgdTrainerTest {
    private static final double[] WEIGHTS = {1.5, -2.0, 0.5, 3.0, -1.0};
    private static final double BIAS = 0.7;
    private static final StoppingRules NO_PATIENCE = new StoppingRules(0, 0.0, 1000);
    private static final double[][] CENTERS = {{4, 0}, {-4, 0}, {0, 4}};

    private static HyperParameters hp(double learningRate, int batchSize, int epochs, String schedule) {
        return new HyperParameters(learningRate, 0.9, false, batchSize, epochs, 0.0, 0.0, schedule, 0.5, 5);
    }

    private static SgdTrainer leastSquares(StoppingRules rules) {
        return new SgdTrainer(LossType.LEAST_SQUARES, Metric.RMSE, rules, 1);
    }

    @Test
    void leastSquaresRecoversKnownWeightsAndBias() {
        LabeledData data = GeneratedData.linear(2000, WEIGHTS, BIAS, 1);
        TrainingOutcome outcome = leastSquares(NO_PATIENCE).train(data, null, hp(0.01, 32, 30, "constant"), 5);
        assertFalse(outcome.failed(), outcome.failure());
        for (int c = 0; c < WEIGHTS.length; c++) {
            assertEquals(WEIGHTS[c], outcome.theta()[c], 1e-3, "weight " + c);
        }
        assertEquals(BIAS, outcome.theta()[WEIGHTS.length], 1e-3, "bias");
        assertEquals(30, outcome.epochsRun());
        assertEquals(30, outcome.bestEpoch());
    }

    @Test
    void logisticSeparatesSeparableData() {
        assertSeparates(LossType.LOGISTIC);
    }

    @Test
    void hingeSeparatesSeparableData() {
        assertSeparates(LossType.HINGE);
    }

    private static void assertSeparates(LossType lossType) {
        LabeledData data = GeneratedData.separable(1000, new double[] {2, -1, 1}, 0.5, 0.3, 2);
        SgdTrainer trainer = new SgdTrainer(lossType, Metric.ACCURACY, NO_PATIENCE, 2);
        TrainingOutcome outcome = trainer.train(data, null, hp(0.05, 16, 40, "constant"), 3);
        assertFalse(outcome.failed(), outcome.failure());
        assertEquals(1.0, trainer.evaluator(data).evaluate(outcome.theta(), Metric.ACCURACY));
    }

    @Test
    void softmaxClassifiesSeparatedClusters() {
        LabeledData train = GeneratedData.clusters(600, CENTERS, 4);
        LabeledData validation = GeneratedData.clusters(300, CENTERS, 5);
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(3, 1e-4, 1000), 3);
        TrainingOutcome outcome = trainer.train(train, validation, hp(0.05, 32, 20, "constant"), 6);
        assertFalse(outcome.failed(), outcome.failure());
        assertTrue(outcome.bestMetric() > 0.95, "validation accuracy " + outcome.bestMetric());
        assertEquals(outcome.bestMetric(), trainer.evaluator(validation).evaluate(outcome.theta(), Metric.ACCURACY));
    }

    @Test
    void softmaxTrainLossOfANearZeroModelIsLogK() {
        LabeledData train = GeneratedData.clusters(300, CENTERS, 18);
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, NO_PATIENCE, 3);
        TrainingOutcome outcome = trainer.train(train, null, hp(1e-12, 32, 1, "constant"), 19);
        assertEquals(Math.log(3), outcome.lastTrainLoss(), 1e-6);
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        LabeledData data = GeneratedData.linear(500, WEIGHTS, BIAS, 7);
        HyperParameters hyperParameters = hp(0.01, 16, 3, "cosine");
        double[] first = leastSquares(NO_PATIENCE).train(data, null, hyperParameters, 11).theta();
        double[] second = leastSquares(NO_PATIENCE).train(data, null, hyperParameters, 11).theta();
        double[] other = leastSquares(NO_PATIENCE).train(data, null, hyperParameters, 12).theta();
        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void hugeLearningRateFailsWithTheEpoch() {
        LabeledData data = GeneratedData.linear(500, WEIGHTS, BIAS, 8);
        TrainingOutcome outcome = leastSquares(NO_PATIENCE).train(data, null, hp(1e6, 16, 5, "constant"), 1);
        assertTrue(outcome.failed());
        assertTrue(outcome.failure().startsWith("epoch 1: "), outcome.failure());
        assertNull(outcome.theta());
        assertEquals(1, outcome.epochsRun());
    }

    @Test
    void patienceStopsWhenTheMetricStopsImproving() {
        LabeledData train = GeneratedData.linear(1000, WEIGHTS, BIAS, 9);
        LabeledData validation = GeneratedData.linear(200, WEIGHTS, BIAS, 10);
        StoppingRules rules = new StoppingRules(2, 1e-3, 1000);
        TrainingOutcome outcome = leastSquares(rules).train(train, validation, hp(0.01, 32, 100, "constant"), 1);
        assertFalse(outcome.failed(), outcome.failure());
        assertTrue(outcome.epochsRun() < 100, "ran " + outcome.epochsRun());
        assertTrue(outcome.bestEpoch() >= 1);
        assertEquals(outcome.bestEpoch() + 2, outcome.epochsRun());
    }

    @Test
    void stopAfterReplaysTheFirstEpochsOfTheBudget() {
        LabeledData train = GeneratedData.linear(1000, WEIGHTS, BIAS, 12);
        LabeledData validation = GeneratedData.linear(200, WEIGHTS, BIAS, 13);
        HyperParameters cosine = hp(0.01, 32, 60, "cosine");
        TrainingOutcome full = leastSquares(new StoppingRules(2, 1e-3, 1000)).train(train, validation, cosine, 4);
        int best = full.bestEpoch();
        assertTrue(best >= 1 && best < cosine.epochs(), "best epoch " + best);

        TrainingOutcome replay = leastSquares(NO_PATIENCE).train(train, null, cosine, 4, best);
        assertEquals(best, replay.epochsRun());
        assertArrayEquals(full.theta(), replay.theta());

        TrainingOutcome shorterBudget = leastSquares(NO_PATIENCE).train(train, null, cosine.withEpochs(best), 4);
        assertFalse(Arrays.equals(full.theta(), shorterBudget.theta()), "the cosine curve depends on the budget");
    }

    @Test
    void stopAfterOutsideTheBudgetIsRejected() {
        LabeledData data = GeneratedData.linear(50, WEIGHTS, BIAS, 14);
        SgdTrainer trainer = leastSquares(NO_PATIENCE);
        HyperParameters three = hp(0.01, 8, 3, "constant");
        assertThrows(IllegalArgumentException.class, () -> trainer.train(data, null, three, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(data, null, three, 1, 4));
    }

    @Test
    void sparseAndDenseStorageGiveTheSameParameters() {
        LabeledData separable = GeneratedData.separable(400, new double[] {1, -1, 2, 0.5}, 0.2, 0.1, 15);
        LabeledData dense = GeneratedData.withZeros(separable, 0.5, 16);
        LabeledData sparse = GeneratedData.toSparse(dense);
        HyperParameters hyperParameters = new HyperParameters(0.05, 0.9, true, 24, 5, 1e-3, 1e-4, "step", 0.5, 2);
        SgdTrainer trainer = new SgdTrainer(LossType.LOGISTIC, Metric.ACCURACY, NO_PATIENCE, 2);
        double[] fromDense = trainer.train(dense, null, hyperParameters, 17).theta();
        double[] fromSparse = trainer.train(sparse, null, hyperParameters, 17).theta();
        assertArrayEquals(fromDense, fromSparse, 1e-9);
    }
}
