package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianStopperTest {
    private static final PatienceStopper NEVER = new PatienceStopper(Metric.ACCURACY, 0, 0.0);

    @Test
    void mediansAreOverRunningAveragesOfCurvesLongEnough() {
        List<double[]> curves = List.of(new double[] {0.2, 0.4, 0.6}, new double[] {0.4, 0.6},
                new double[] {0.6, 0.8, 1.0});
        double[] medians = MedianStopper.medians(curves, 0, 1);
        // s = 1: {0.2, 0.4, 0.6} -> 0.4; s = 2: averages {0.3, 0.5, 0.7} -> 0.5; s = 3: {0.4, 0.8} -> 0.6.
        assertArrayEquals(new double[] {0.4, 0.5, 0.6}, medians, 1e-12);
    }

    @Test
    void graceEpochsAndTooFewTrialsLeaveNoMedian() {
        List<double[]> curves = List.of(new double[] {0.2, 0.4, 0.6}, new double[] {0.4, 0.6});
        double[] medians = MedianStopper.medians(curves, 1, 2);
        assertTrue(Double.isNaN(medians[0]), "grace");
        assertEquals(0.4, medians[1], 1e-12);
        assertTrue(Double.isNaN(medians[2]), "only one curve reaches epoch 3");
        assertEquals(0, MedianStopper.medians(List.of(), 0, 1).length);
        assertThrows(IllegalArgumentException.class, () -> MedianStopper.medians(curves, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> MedianStopper.medians(curves, 0, 0));
    }

    @Test
    void stopsOnlyWhenTheBestSoFarIsStrictlyWorseThanTheMedian() {
        MedianStopper stopper = new MedianStopper(NEVER, Metric.ACCURACY, new double[] {0.5, 0.5, 0.7});
        stopper.record(1, 0.6);
        assertFalse(stopper.shouldStop());
        stopper.record(2, 0.4);
        assertFalse(stopper.shouldStop(), "the best so far (0.6) counts, not the last epoch");
        stopper.record(3, 0.7);
        assertFalse(stopper.shouldStop(), "equal to the median is not worse");
        MedianStopper loser = new MedianStopper(NEVER, Metric.ACCURACY, new double[] {0.5});
        loser.record(1, 0.49);
        assertTrue(loser.shouldStop());
        assertTrue(loser.triggered());
    }

    @Test
    void lowerIsBetterMetricsCompareTheOtherWay() {
        MedianStopper stopper = new MedianStopper(NEVER, Metric.LOG_LOSS, new double[] {0.5});
        stopper.record(1, 0.6);
        assertTrue(stopper.shouldStop());
        MedianStopper beyond = new MedianStopper(NEVER, Metric.LOG_LOSS, new double[] {0.5});
        beyond.record(2, 9.0);
        assertFalse(beyond.shouldStop(), "no median beyond the curves: no rule");
    }
}
