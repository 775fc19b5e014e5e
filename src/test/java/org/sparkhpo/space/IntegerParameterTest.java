package org.sparkhpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.space.ContinuousParameterTest.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntegerParameterTest {
    @Test
    void logGridDropsDuplicatesAfterRounding() {
        // 4^(i/9) for i = 0..9 rounds to 1, 1, 1, 2, 2, 2, 3, 3, 3, 4.
        assertEquals(List.of(1, 2, 3, 4), new IntegerParameter(Tunable.BATCH_SIZE, 1, 4, Scale.LOG, 10).gridValues());
    }

    @Test
    void logGridOfPowersOfTwo() {
        assertEquals(List.of(16, 64, 256), new IntegerParameter(Tunable.BATCH_SIZE, 16, 256, Scale.LOG, 3).gridValues());
    }

    @Test
    void linearGrid() {
        assertEquals(List.of(1, 4, 7, 10), new IntegerParameter(Tunable.EPOCHS, 1, 10, Scale.LINEAR, 4).gridValues());
    }

    @Test
    void linearDrawsGiveTheEndPointsTheirShare() {
        IntegerParameter parameter = new IntegerParameter(Tunable.EPOCHS, 1, 4, Scale.LINEAR, 4);
        int[] counts = new int[5];
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts[(Integer) parameter.fromUnit((i + 0.5) / draws)]++;
        }
        for (int value = 1; value <= 4; value++) {
            assertEquals(0.25, counts[value] / (double) draws, 0.001, "share of " + value);
        }
    }

    @Test
    void unitRoundTripOnBothScales() {
        for (Scale scale : Scale.values()) {
            IntegerParameter parameter = new IntegerParameter(Tunable.DECAY_EPOCHS, 1, 12, scale, 3);
            for (int value = 1; value <= 12; value++) {
                assertEquals(value, parameter.fromUnit(parameter.toUnit(value)), scale + " " + value);
            }
        }
    }

    @Test
    void fromUnitClampsToTheBounds() {
        IntegerParameter parameter = new IntegerParameter(Tunable.EPOCHS, 2, 9, Scale.LINEAR, 3);
        assertEquals(2, parameter.fromUnit(-1));
        assertEquals(9, parameter.fromUnit(2));
    }

    @Test
    void rangesAreChecked() {
        assertRejected("batch-size: low (0.0) must be > 0 for a log scale",
                () -> new IntegerParameter(Tunable.BATCH_SIZE, 0, 8, Scale.LOG, 3));
        assertRejected("epochs: low (9.0) must be <= high (3.0)",
                () -> new IntegerParameter(Tunable.EPOCHS, 9, 3, Scale.LINEAR, 3));
        assertRejected("batch-size: 0 must be >= 1", () -> new IntegerParameter(Tunable.BATCH_SIZE, 0, 8, Scale.LINEAR, 3));
    }
}
