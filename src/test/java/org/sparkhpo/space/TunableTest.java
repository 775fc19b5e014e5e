package org.sparkhpo.space;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.space.ContinuousParameterTest.assertRejected;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TunableTest {
    @Test
    void everyTunableIsFoundByItsKey() {
        for (Tunable tunable : Tunable.values()) {
            assertEquals(Optional.of(tunable), Tunable.byKey(tunable.key()));
        }
        assertEquals(Optional.empty(), Tunable.byKey("learning_rate"));
    }

    @Test
    void learningRateMustBePositive() {
        assertDoesNotThrow(() -> Tunable.LEARNING_RATE.check(1e-9));
        assertRejected("learning-rate: 0.0 must be > 0", () -> Tunable.LEARNING_RATE.check(0.0));
    }

    @Test
    void momentumIsInTheHalfOpenUnitInterval() {
        assertDoesNotThrow(() -> Tunable.MOMENTUM.check(0.0));
        assertDoesNotThrow(() -> Tunable.MOMENTUM.check(0.999));
        assertRejected("momentum: 1.0 must be in [0, 1)", () -> Tunable.MOMENTUM.check(1.0));
        assertRejected("momentum: -0.1 must be in [0, 1)", () -> Tunable.MOMENTUM.check(-0.1));
    }

    @Test
    void decayRateIsInTheHalfOpenUnitIntervalFromAbove() {
        assertDoesNotThrow(() -> Tunable.DECAY_RATE.check(1.0));
        assertRejected("decay-rate: 0.0 must be in (0, 1]", () -> Tunable.DECAY_RATE.check(0.0));
    }

    @Test
    void penaltiesAreNonNegative() {
        assertDoesNotThrow(() -> Tunable.L2.check(0));
        assertRejected("l1: -1.0E-9 must be >= 0", () -> Tunable.L1.check(-1e-9));
    }

    @Test
    void integersAreWholeAndPositive() {
        assertDoesNotThrow(() -> Tunable.BATCH_SIZE.check(1));
        assertDoesNotThrow(() -> Tunable.EPOCHS.check(3.0));
        assertRejected("batch-size: 0 must be >= 1", () -> Tunable.BATCH_SIZE.check(0));
        assertRejected("decay-epochs: 2.5 must be an integer", () -> Tunable.DECAY_EPOCHS.check(2.5));
    }

    @Test
    void realsAreFiniteNumbers() {
        assertRejected("l2: NaN must be a finite number", () -> Tunable.L2.check(Double.NaN));
        assertRejected("learning-rate: Infinity must be a finite number",
                () -> Tunable.LEARNING_RATE.check(Double.POSITIVE_INFINITY));
        assertRejected("l2: '0.1' must be a finite number", () -> Tunable.L2.check("0.1"));
    }

    @Test
    void booleansAndNames() {
        assertDoesNotThrow(() -> Tunable.NESTEROV.check(true));
        assertRejected("nesterov: 'true' must be true or false", () -> Tunable.NESTEROV.check("true"));
        assertDoesNotThrow(() -> Tunable.SCHEDULE.check("Cosine"));
        assertRejected("schedule: 'warp' must be one of [constant, inverse-sqrt, step, cosine]",
                () -> Tunable.SCHEDULE.check("warp"));
    }
}
