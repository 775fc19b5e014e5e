package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final double ETA = 0.2;
    private static final double TOLERANCE = 1e-15;

    private static LearningRateSchedule schedule(String name) {
        return LearningRateSchedule.of(name, ETA, 0.5, 5, 10);
    }

    @Test
    void constantNeverChanges() {
        assertEquals(ETA, schedule("constant").rate(0), TOLERANCE);
        assertEquals(ETA, schedule("constant").rate(7.3), TOLERANCE);
    }

    @Test
    void inverseSqrtDividesBySqrtOfOnePlusT() {
        assertEquals(ETA, schedule("inverse-sqrt").rate(0), TOLERANCE);
        assertEquals(ETA / 2, schedule("inverse-sqrt").rate(3), TOLERANCE);
        assertEquals(ETA / 3, schedule("inverse-sqrt").rate(8), TOLERANCE);
    }

    @Test
    void stepDecaysAtMultiplesOfThePeriod() {
        LearningRateSchedule step = schedule("step");
        assertEquals(ETA, step.rate(0), TOLERANCE);
        assertEquals(ETA, step.rate(4.99), TOLERANCE);
        assertEquals(ETA * 0.5, step.rate(5), TOLERANCE);
        assertEquals(ETA * 0.5, step.rate(9.9), TOLERANCE);
        assertEquals(ETA * 0.25, step.rate(10), TOLERANCE);
    }

    /** eta (1 + cos(pi t / 10)) / 2: 0.2 at 0; 0.2 (1 + 0.7071067811865476) / 2 at 2.5; 0.1 at 5; 0 at 10. */
    @Test
    void cosineFallsFromEtaToZeroAtTheBudget() {
        LearningRateSchedule cosine = schedule("cosine");
        assertEquals(ETA, cosine.rate(0), TOLERANCE);
        assertEquals(0.17071067811865476, cosine.rate(2.5), 1e-15);
        assertEquals(0.1, cosine.rate(5), 1e-15);
        assertEquals(0.0, cosine.rate(10), TOLERANCE);
        assertEquals(0.0, cosine.rate(12), TOLERANCE);
        assertTrue(cosine.rate(9.9) > 0);
    }

    @Test
    void hyperParametersUseTheirEpochBudgetForCosine() {
        HyperParameters hp = new HyperParameters(ETA, 0, false, 1, 4, 0, 0, "cosine", 0.5, 1);
        assertEquals(ETA / 2, hp.learningRateSchedule().rate(2), 1e-15);
        assertEquals(0.0, hp.learningRateSchedule().rate(4), TOLERANCE);
    }

    @Test
    void unknownNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schedule("warp"));
        assertTrue(e.getMessage().contains("'warp'"), e.getMessage());
    }
}
