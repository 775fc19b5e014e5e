package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatienceStopperTest {
    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        PatienceStopper stopper = new PatienceStopper(Metric.ACCURACY, 2, 0.0);
        assertTrue(stopper.record(1, 0.5));
        assertTrue(stopper.record(2, 0.6));
        assertFalse(stopper.record(3, 0.58));
        assertFalse(stopper.shouldStop());
        assertFalse(stopper.record(4, 0.59));
        assertTrue(stopper.shouldStop());
        assertTrue(stopper.shouldStop(), "a query does not change the answer");
    }

    @Test
    void aTieMovesTheCheckpointToTheLaterEpochWithoutChargingPatience() {
        PatienceStopper stopper = new PatienceStopper(Metric.ACCURACY, 2, 1e-4);
        assertTrue(stopper.record(1, 0.9));
        assertFalse(stopper.record(2, 0.8));
        assertTrue(stopper.record(3, 0.9), "equal to the best: the later model becomes the checkpoint");
        assertEquals(1, stopper.epochsWithoutImprovement(), "the tie is not charged, nor does it reset the count");
        assertTrue(stopper.record(4, 0.9));
        assertFalse(stopper.shouldStop());
        assertFalse(stopper.record(5, 0.89995), "within min-delta but not equal: no tie, no improvement");
        assertTrue(stopper.shouldStop());
    }

    @Test
    void anImprovementResetsTheCount() {
        PatienceStopper stopper = new PatienceStopper(Metric.ACCURACY, 2, 0.0);
        stopper.record(1, 0.5);
        stopper.record(2, 0.4);
        assertTrue(stopper.record(3, 0.7));
        stopper.record(4, 0.6);
        assertFalse(stopper.shouldStop());
    }

    @Test
    void improvementsMustExceedMinDelta() {
        PatienceStopper stopper = new PatienceStopper(Metric.ACCURACY, 1, 0.01);
        assertTrue(stopper.record(1, 0.5));
        assertFalse(stopper.record(2, 0.505));
        assertTrue(stopper.shouldStop());
        assertTrue(stopper.record(3, 0.52));
        assertFalse(stopper.shouldStop());
    }

    @Test
    void lowerIsBetterForLosses() {
        PatienceStopper stopper = new PatienceStopper(Metric.LOG_LOSS, 1, 0.0);
        assertTrue(stopper.record(1, 1.0));
        assertTrue(stopper.record(2, 0.9));
        assertFalse(stopper.record(3, 0.95));
        assertTrue(stopper.shouldStop());
    }

    @Test
    void patienceZeroNeverStops() {
        PatienceStopper stopper = new PatienceStopper(Metric.RMSE, 0, 0.0);
        stopper.record(1, 1.0);
        for (int epoch = 2; epoch < 12; epoch++) {
            assertFalse(stopper.record(epoch, 2.0));
        }
        assertFalse(stopper.shouldStop());
    }

    @Test
    void nanIsNeverBestAndCountsAsNoImprovement() {
        PatienceStopper stopper = new PatienceStopper(Metric.ACCURACY, 1, 0.0);
        assertFalse(stopper.record(1, Double.NaN));
        assertTrue(stopper.record(2, 0.5));
        assertFalse(stopper.record(3, Double.NaN));
        assertTrue(stopper.shouldStop());
    }

    @Test
    void negativeSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PatienceStopper(Metric.ACCURACY, -1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new PatienceStopper(Metric.ACCURACY, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new PatienceStopper(Metric.ACCURACY, 1, Double.NaN));
    }
}
