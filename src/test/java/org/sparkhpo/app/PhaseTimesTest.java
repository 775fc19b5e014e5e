package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseTimesTest {
    @Test
    void theLineNamesEveryPartInOrderWithItsNote() {
        PhaseTimes times = new PhaseTimes();
        times.record("spark start", 2.125);
        times.record("data", 1.5, "alongside spark start");
        times.record("search", 12.0);
        assertEquals("timing: spark start 2.13s, data 1.50s (alongside spark start), search 12.00s", times.line());
        assertEquals(1.5, times.get("data"));
        assertTrue(Double.isNaN(times.get("retrain")), "a part not recorded is NaN");
    }

    @Test
    void theJvmPartIsTheTimeSinceTheJvmStarted() {
        PhaseTimes times = new PhaseTimes();
        times.recordJvmStart();
        assertTrue(times.get("jvm") > 0.0, "this JVM started before the test");
    }
}
