package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.sparkhpo.common.InvalidInputException;

/** The settings tests' one check of a refused configuration: loading fails with a message naming every part. */
final class SettingsRejections {
    private SettingsRejections() {
    }

    /**
     * @param overrides {@code --set} style overrides laid over reference.conf
     * @param parts what the message must contain (key, value, rule)
     */
    static void assertRejected(List<String> overrides, String... parts) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SettingsLoader.load(null, overrides));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
