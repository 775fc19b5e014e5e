package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.Task;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;

class TrialRunnerTest {
    static final HyperParameters FIXED = new HyperParameters(0.05, 0.9, false, 32, 10, 1e-4, 0, "constant", 0.5, 5);
    static final StoppingRules STOPPING = new StoppingRules(3, 1e-4, 1000);
    private static final double[][] CENTERS = {{4, 0}, {-4, 0}, {0, 4}};

    static PreparedData binary() {
        double[] weights = {2, -1, 1};
        return new PreparedData(GeneratedData.separable(400, weights, 0.3, 0.2, 1),
                GeneratedData.separable(100, weights, 0.3, 0.2, 2), null, Task.BINARY, 2, null);
    }

    static TrialRunner logisticRunner() {
        return new TrialRunner(LossType.LOGISTIC, Metric.ACCURACY, STOPPING, FIXED, 3L);
    }

    static Trial trial(int id, Configuration configuration) {
        return new Trial(id, 1, configuration, TrialSeeds.of(42, id), "grid");
    }

    @Test
    void aGoodConfigurationCompletesWithItsMetrics() {
        Trial trial = trial(3, Configuration.empty().with("learning-rate", 0.1));
        TrialResult result = logisticRunner().run(trial, binary());
        assertEquals(TrialState.COMPLETE, result.state());
        assertNull(result.error());
        assertEquals("val_accuracy", result.metrics().keySet().iterator().next());
        assertTrue(result.metric("val_accuracy") > 0.9, "val_accuracy " + result.metric("val_accuracy"));
        assertTrue(result.metric("train_seconds") >= 0);
        double epochs = result.metric("epochs");
        assertTrue(epochs >= 1 && epochs <= 10, "epochs " + epochs);
        assertTrue(result.metric("best_epoch") <= epochs);
        assertEquals(3.0, result.metric("nonzero_weights"));
        assertTrue(result.metric("predict_ms_per_1000") >= 0);
        assertEquals(List.of(3, 1, "grid", trial.seed(), trial.configuration()),
                List.of(result.id(), result.round(), result.phase(), result.seed(), result.configuration()));
    }

    /**
     * A pack's tie-breakers (validation log-loss) are scored for all its members at once; each equals the one the
     * same trial gets alone, and a diverging member has none.
     */
    @Test
    void aPacksTieBreakersEqualThoseOfItsTrialsAlone() {
        List<Trial> trials = List.of(trial(0, Configuration.empty().with("learning-rate", 0.1)),
                trial(1, Configuration.empty().with("learning-rate", 1e6)),
                trial(2, Configuration.empty().with("learning-rate", 0.01)));
        List<TrialResult> packed = logisticRunner().runPack(trials, binary(), null);
        assertEquals(TrialState.FAILED, packed.get(1).state(), "learning rate 1e6 diverges");
        assertTrue(Double.isNaN(packed.get(1).metric(BestTrial.TIE_BREAKER)));
        for (int i : new int[] {0, 2}) {
            TrialResult alone = logisticRunner().run(trials.get(i), binary());
            assertEquals(alone.metric(BestTrial.TIE_BREAKER), packed.get(i).metric(BestTrial.TIE_BREAKER), 1e-9,
                    "trial " + i);
            assertTrue(packed.get(i).metric(BestTrial.TIE_BREAKER) > 0.0);
        }
    }

    @Test
    void theCurveHoldsOneValidationValuePerEpochWithTheBestAtTheBestEpoch() {
        TrialResult result = logisticRunner().run(trial(3, Configuration.empty().with("learning-rate", 0.1)),
                binary());

        List<Double> curve = result.curve();
        assertEquals((int) result.metric("epochs"), curve.size());
        assertEquals(result.metric("val_accuracy"), curve.get((int) result.metric("best_epoch") - 1));
        assertEquals(result.metric("val_accuracy"), curve.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow());
    }

    @Test
    void nonzeroWeightsCountWeightsButNotBiases() {
        PreparedData clusters = new PreparedData(GeneratedData.clusters(300, CENTERS, 3),
                GeneratedData.clusters(90, CENTERS, 4), null, Task.MULTICLASS, 3, null);
        TrialRunner runner = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY, STOPPING, FIXED, 3L);
        TrialResult result = runner.run(trial(0, Configuration.empty()), clusters);
        assertEquals(TrialState.COMPLETE, result.state(), result.error());
        assertEquals(6.0, result.metric("nonzero_weights"));
    }

    @Test
    void aStrongL1PenaltyZeroesEveryWeight() {
        TrialResult result = logisticRunner().run(trial(0, Configuration.empty().with("l1", 10.0)), binary());
        assertEquals(TrialState.COMPLETE, result.state(), result.error());
        assertEquals(0.0, result.metric("nonzero_weights"));
    }

    @Test
    void aDivergentConfigurationFailsWithoutThrowing() {
        double[] weights = {1.5, -2, 0.5};
        PreparedData regression = new PreparedData(GeneratedData.linear(300, weights, 0.5, 5),
                GeneratedData.linear(60, weights, 0.5, 6), null, Task.REGRESSION, 1, null);
        TrialRunner runner = new TrialRunner(LossType.LEAST_SQUARES, Metric.RMSE, STOPPING, FIXED, 3L);
        TrialResult result = runner.run(trial(4, Configuration.empty().with("learning-rate", 1e6)), regression);
        assertEquals(TrialState.FAILED, result.state());
        assertTrue(result.error().contains("epoch"), result.error());
        assertEquals(1.0, result.metric("epochs"));
    }

    @Test
    void anInvalidValueFailsWithoutThrowing() {
        TrialResult result = logisticRunner().run(trial(5, Configuration.empty().with("momentum", 1.5)), binary());
        assertEquals(TrialState.FAILED, result.state());
        assertTrue(result.error().contains("momentum: 1.5 must be in [0, 1)"), result.error());
    }

    @Test
    void objectiveKeyNamesTheMetric() {
        assertEquals("val_log_loss", TrialRunner.objectiveKey(Metric.LOG_LOSS));
        assertEquals("val_rmse", TrialRunner.objectiveKey(Metric.RMSE));
    }
}
