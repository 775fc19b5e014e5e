package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sparkhpo.space.Configuration;

class HyperParametersTest {
    private static final HyperParameters BASE =
            new HyperParameters(0.05, 0.9, false, 128, 20, 1e-4, 0.0, "constant", 0.5, 5);

    @Test
    void withOverridesEveryTunable() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learning-rate", 0.3);
        values.put("momentum", 0.5);
        values.put("nesterov", true);
        values.put("batch-size", 16);
        values.put("epochs", 7);
        values.put("l2", 0.01);
        values.put("l1", 0.002);
        values.put("schedule", "step");
        values.put("decay-rate", 0.25);
        values.put("decay-epochs", 3);
        HyperParameters expected = new HyperParameters(0.3, 0.5, true, 16, 7, 0.01, 0.002, "step", 0.25, 3);
        assertEquals(expected, BASE.with(new Configuration(values)));
    }

    @Test
    void withKeepsWhatTheConfigurationDoesNotSet() {
        assertEquals(BASE, BASE.with(Configuration.empty()));
        HyperParameters changed = BASE.with(Configuration.empty().with("l2", 0.5).with("not-a-tunable", 3));
        assertEquals(new HyperParameters(0.05, 0.9, false, 128, 20, 0.5, 0.0, "constant", 0.5, 5), changed);
    }

    @Test
    void scheduleNamesAreLowerCased() {
        assertEquals("cosine", BASE.with(Configuration.empty().with("schedule", "COSINE")).schedule());
    }

    @Test
    void withEpochsChangesOnlyTheBudget() {
        assertEquals(new HyperParameters(0.05, 0.9, false, 128, 3, 1e-4, 0.0, "constant", 0.5, 5), BASE.withEpochs(3));
    }

    @Test
    void momentumOfOneIsRejected() {
        assertRejected("momentum: 1.0 must be in [0, 1)",
                () -> new HyperParameters(0.05, 1.0, false, 128, 20, 0, 0, "constant", 0.5, 5));
        assertRejected("momentum: 1.0 must be in [0, 1)", () -> BASE.with(Configuration.empty().with("momentum", 1.0)));
    }

    @Test
    void batchSizeZeroIsRejected() {
        assertRejected("batch-size: 0 must be >= 1",
                () -> new HyperParameters(0.05, 0.9, false, 0, 20, 0, 0, "constant", 0.5, 5));
        assertRejected("batch-size: 0 must be >= 1", () -> BASE.with(Configuration.empty().with("batch-size", 0)));
    }

    @Test
    void learningRateZeroIsRejected() {
        assertRejected("learning-rate: 0.0 must be > 0",
                () -> new HyperParameters(0.0, 0.9, false, 128, 20, 0, 0, "constant", 0.5, 5));
        assertRejected("learning-rate: 0.0 must be > 0",
                () -> BASE.with(Configuration.empty().with("learning-rate", 0.0)));
    }

    @Test
    void unknownScheduleIsRejected() {
        assertRejected("schedule: 'warp' must be one of [constant, inverse-sqrt, step, cosine]",
                () -> new HyperParameters(0.05, 0.9, false, 128, 20, 0, 0, "warp", 0.5, 5));
        assertRejected("schedule: 'warp' must be one of", () -> BASE.with(Configuration.empty().with("schedule", "warp")));
    }

    @Test
    void wronglyTypedValuesAreRejected() {
        assertRejected("nesterov: 'yes' must be true or false",
                () -> BASE.with(Configuration.empty().with("nesterov", "yes")));
        assertRejected("epochs: 2.5 must be an integer", () -> BASE.with(Configuration.empty().with("epochs", 2.5)));
    }

    private static void assertRejected(String expectedStart, Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
