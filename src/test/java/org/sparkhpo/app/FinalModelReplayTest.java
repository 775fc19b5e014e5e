package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.BlockOrder;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * A replay of the best trial on the training part ({@code hpo.finish.retrain = train}) runs on the threads the
 * trial trained on, as its {@code threads} metric records them (more than configured when its round lent it idle
 * cores), so it reproduces the trial's weights exactly.
 */
class FinalModelReplayTest {
    private static final PreparedData DATA = GeneratedData.preparedClusters(600, 200, 6, 3, 7);
    private static final StoppingRules STOPPING = new StoppingRules(0, 1e-4, 1000);
    private static final HyperParameters FIXED = new HyperParameters(0.05, 0.9, false, 32, 5, 1e-4, 0, "constant",
            0.5, 5);
    private static final long ORDER_SEED = BlockOrder.seedOf(42);

    @Test
    void aReplayRunsOnTheThreadsTheTrialTrainedOn() {
        double[] twoThreads = trained(2);
        double[] oneThread = trained(1);
        assertFalse(Arrays.equals(twoThreads, oneThread), "two threads sum the gradient in another order");
        TrialResult lent = new TrialResult(0, 0, "grid", TrialState.COMPLETE, Configuration.empty(),
                Map.of(MetricKeys.BEST_EPOCH, 4.0, MetricKeys.THREADS, 2.0), 42L, null);
        FinalModel.Attempt replay = FinalModel.attempt(lent, FIXED, LossType.SOFTMAX, STOPPING, DATA, false,
                ORDER_SEED, 1);
        assertArrayEquals(twoThreads, replay.model().theta(), 0.0);
    }

    private static double[] trained(int threads) {
        SgdTrainer trainer = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, STOPPING, DATA.numClasses());
        return trainer.train(DATA.train(), null, FIXED.withThreads(threads), ORDER_SEED, 4).theta();
    }
}
