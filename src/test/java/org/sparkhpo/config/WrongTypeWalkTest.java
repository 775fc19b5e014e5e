package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkhpo.common.InvalidInputException;

/**
 * Walks every key of reference.conf and sets it to a value of the wrong type: every one must be refused by the
 * loader with {@link InvalidInputException} (exit code 2) naming the key, never another exception.
 */
class WrongTypeWalkTest {

    /** @return every leaf key under hpo with a value of another type than its default's */
    static Stream<String> wrongTypedOverrides() {
        return ConfigFactory.defaultReference().getConfig("hpo").entrySet().stream()
                .map(entry -> "hpo." + entry.getKey() + "=" + wrongValue(entry.getValue()));
    }

    /** A string where a number, boolean, null or list is expected; a list where a string is. */
    private static String wrongValue(ConfigValue value) {
        return value.valueType() == ConfigValueType.STRING ? "[1, 2]" : "abc";
    }

    @ParameterizedTest
    @MethodSource("wrongTypedOverrides")
    void wrongTypeIsABadInputNamingTheKey(String override) {
        String key = override.substring(0, override.indexOf('='));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(key, override));
        assertTrue(e.getMessage().startsWith(key + ":"), "'" + key + "' not named first in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("wrongTypedOverrides")
    void everyKeyIsReachedByTheWalk(String override) {
        assertTrue(override.startsWith("hpo."), override);
    }

    private static void load(String key, String override) {
        if (key.startsWith("hpo.nightly.")) {
            SettingsLoader.loadNightly(null, List.of(override));
        } else {
            SettingsLoader.load(null, List.of(override));
        }
    }

    /** The walk must cover the seed and keys of every type (guards the generator against going empty). */
    @org.junit.jupiter.api.Test
    void theWalkCoversTheSeedAndEveryValueType() {
        List<String> overrides = wrongTypedOverrides().toList();
        assertTrue(overrides.contains("hpo.seed=abc"), overrides.toString());
        Map<ConfigValueType, Long> types = ConfigFactory.defaultReference().getConfig("hpo").entrySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.getValue().valueType(),
                        java.util.stream.Collectors.counting()));
        for (ConfigValueType type : List.of(ConfigValueType.STRING, ConfigValueType.NUMBER,
                ConfigValueType.BOOLEAN, ConfigValueType.LIST)) {
            assertTrue(types.getOrDefault(type, 0L) > 0, type + " missing from reference.conf's keys");
        }
    }
}
