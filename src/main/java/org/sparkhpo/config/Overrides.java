package org.sparkhpo.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.sparkhpo.common.InvalidInputException;

/**
 * Parses one {@code --set key=value} override. The value is read as HOCON (so numbers, booleans, lists
 * such as {@code [0.1, 0.01]} and objects work); a value HOCON cannot read as such, or one holding a
 * URI ({@code ://}, which HOCON would take for a comment), is taken as a plain string.
 */
final class Overrides {
    private Overrides() {
    }

    static Config parse(String override) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            throw new InvalidInputException("--set: '" + override + "' must have the form key=value");
        }
        String key = override.substring(0, equals).trim();
        String value = override.substring(equals + 1).trim();
        try {
            ConfigFactory.parseString(key + " = 0");
        } catch (ConfigException e) {
            throw new InvalidInputException("--set: '" + key + "' is not a valid key");
        }
        if (!value.contains("://")) {
            try {
                Config parsed = ConfigFactory.parseString(key + " = " + value);
                if (parsed.hasPathOrNull(key)) {
                    return parsed;
                }
            } catch (ConfigException e) {
                // Not HOCON: fall through and take the text as a string.
            }
        }
        return ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value));
    }
}
