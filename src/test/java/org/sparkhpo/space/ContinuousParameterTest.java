package org.sparkhpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ContinuousParameterTest {
    private static final ContinuousParameter LOG_RATE =
            new ContinuousParameter(Tunable.LEARNING_RATE, 1e-4, 1e-1, Scale.LOG, 4);
    private static final ContinuousParameter LINEAR_L2 = new ContinuousParameter(Tunable.L2, 0.0, 1.0, Scale.LINEAR, 5);

    @Test
    void logScaleNeedsAPositiveLowBound() {
        assertRejected("l2: low (0.0) must be > 0 for a log scale",
                () -> new ContinuousParameter(Tunable.L2, 0.0, 1.0, Scale.LOG, 3));
        assertRejected("learning-rate: low (-1.0) must be > 0 for a log scale",
                () -> new ContinuousParameter(Tunable.LEARNING_RATE, -1.0, 1.0, Scale.LOG, 3));
    }

    @Test
    void lowAboveHighIsRejected() {
        assertRejected("l2: low (0.5) must be <= high (0.1)",
                () -> new ContinuousParameter(Tunable.L2, 0.5, 0.1, Scale.LINEAR, 3));
    }

    @Test
    void boundsMustBeFiniteAndGridPointsPositive() {
        assertRejected("l2: bounds must be finite",
                () -> new ContinuousParameter(Tunable.L2, 0.0, Double.POSITIVE_INFINITY, Scale.LINEAR, 3));
        assertRejected("l2: grid-points (0) must be >= 1", () -> new ContinuousParameter(Tunable.L2, 0, 1, Scale.LINEAR, 0));
    }

    @Test
    void boundsMustObeyTheTunableRule() {
        assertRejected("momentum: 1.0 must be in [0, 1)",
                () -> new ContinuousParameter(Tunable.MOMENTUM, 0.5, 1.0, Scale.LINEAR, 3));
    }

    @Test
    void logGridIsGeometric() {
        List<Object> grid = LOG_RATE.gridValues();
        double[] expected = {1e-4, 1e-3, 1e-2, 1e-1};
        assertEquals(expected.length, grid.size());
        for (int i = 0; i < expected.length; i++) {
            double value = (Double) grid.get(i);
            assertEquals(expected[i], value, 1e-12 * expected[i], "point " + i);
        }
    }

    @Test
    void linearGridIsEvenlySpaced() {
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), LINEAR_L2.gridValues());
    }

    @Test
    void oneGridPointIsTheMiddleOnTheScale() {
        assertEquals(List.of(0.5), new ContinuousParameter(Tunable.L2, 0, 1, Scale.LINEAR, 1).gridValues());
        double middle = (Double) new ContinuousParameter(Tunable.L2, 1e-4, 1e-2, Scale.LOG, 1).gridValues().get(0);
        assertEquals(1e-3, middle, 1e-15);
    }

    @Test
    void unitRoundTrip() {
        for (ContinuousParameter parameter : List.of(LOG_RATE, LINEAR_L2)) {
            for (int i = 0; i <= 10; i++) {
                double unit = i / 10.0;
                assertEquals(unit, parameter.toUnit(parameter.fromUnit(unit)), 1e-12, parameter + " at " + unit);
            }
        }
        assertEquals(1.0 / 3, LOG_RATE.toUnit(1e-3), 1e-12);
    }

    @Test
    void fromUnitClampsToTheBounds() {
        assertEquals(LOG_RATE.fromUnit(0.0), LOG_RATE.fromUnit(-0.5));
        assertEquals(LOG_RATE.fromUnit(1.0), LOG_RATE.fromUnit(1.5));
        assertEquals(1e-4, (Double) LOG_RATE.fromUnit(-0.5), 1e-12 * 1e-4);
        assertEquals(1e-1, (Double) LOG_RATE.fromUnit(1.5), 1e-12 * 1e-1);
        assertEquals(0.0, LINEAR_L2.fromUnit(-3));
    }

    static void assertRejected(String expectedStart, Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
