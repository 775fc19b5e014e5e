package org.sparkhpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.space.ContinuousParameterTest.assertRejected;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalParameterTest {
    private static final CategoricalParameter SCHEDULES =
            new CategoricalParameter(Tunable.SCHEDULE, List.of("constant", "step", "cosine"));

    @Test
    void unitIntervalIsCutIntoEqualBins() {
        assertEquals("constant", SCHEDULES.fromUnit(0.0));
        assertEquals("constant", SCHEDULES.fromUnit(0.333));
        assertEquals("step", SCHEDULES.fromUnit(0.334));
        assertEquals("step", SCHEDULES.fromUnit(0.666));
        assertEquals("cosine", SCHEDULES.fromUnit(0.667));
        assertEquals("cosine", SCHEDULES.fromUnit(1.0));
    }

    @Test
    void outOfRangeUnitsAreClamped() {
        assertEquals("constant", SCHEDULES.fromUnit(-1));
        assertEquals("cosine", SCHEDULES.fromUnit(2));
    }

    @Test
    void toUnitIsTheMiddleOfTheBin() {
        assertEquals(0.5 / 3, SCHEDULES.toUnit("constant"), 1e-15);
        assertEquals(2.5 / 3, SCHEDULES.toUnit("cosine"), 1e-15);
        for (Object value : SCHEDULES.values()) {
            assertEquals(value, SCHEDULES.fromUnit(SCHEDULES.toUnit(value)));
        }
    }

    @Test
    void toUnitOfAnUnlistedValueIsRejected() {
        assertRejected("schedule: step-2 is not one of [constant, step, cosine]", () -> SCHEDULES.toUnit("step-2"));
    }

    @Test
    void gridIsTheListInOrder() {
        assertEquals(List.of("constant", "step", "cosine"), SCHEDULES.gridValues());
        assertEquals(List.of(true, false), new CategoricalParameter(Tunable.NESTEROV, List.of(true, false)).gridValues());
    }

    @Test
    void valuesAreCopied() {
        List<Object> values = new ArrayList<>(List.of(0.1, 0.01));
        CategoricalParameter parameter = new CategoricalParameter(Tunable.L2, values);
        values.add(0.001);
        assertEquals(List.of(0.1, 0.01), parameter.values());
    }

    @Test
    void emptyOrInvalidValuesAreRejected() {
        assertRejected("l2: values must not be empty", () -> new CategoricalParameter(Tunable.L2, List.of()));
        assertRejected("schedule: 'warp' must be one of", () -> new CategoricalParameter(Tunable.SCHEDULE, List.of("warp")));
        assertRejected("l2: -1.0 must be >= 0", () -> new CategoricalParameter(Tunable.L2, List.of(0.1, -1.0)));
    }
}
