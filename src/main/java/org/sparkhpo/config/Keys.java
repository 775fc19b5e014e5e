package org.sparkhpo.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import java.util.OptionalDouble;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;
import org.sparkhpo.common.InvalidInputException;

/**
 * Typed reads of single keys with range checks; every failure names the key, the value and the rule.
 * Used by {@link SettingsLoader} and {@link SpaceReader} only.
 */
final class Keys {
    private final Config config;

    Keys(Config config) {
        this.config = config;
    }

    String string(String key) {
        try {
            return config.getString(key).trim();
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be a string");
        }
    }

    String nonEmptyString(String key) {
        String value = string(key);
        if (value.isEmpty()) {
            throw InvalidInputException.forKey(key, value, "must not be empty");
        }
        return value;
    }

    String oneOf(String key, List<String> allowed) {
        String value = string(key);
        String match = allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElse(null);
        if (match == null) {
            throw InvalidInputException.forKey(key, value, "must be one of " + allowed);
        }
        return match;
    }

    /**
     * @param key the key
     * @param allowed the constants the key may name, by their configuration names in any case
     * @return the constant the key names
     */
    <E extends ConfigNamed> E oneOf(String key, E[] allowed) {
        return choice(key, ConfigNames.byName(allowed, string(key)).orElse(null), ConfigNames.names(allowed));
    }

    <T> T choice(String key, T found, String allowed) {
        if (found == null) {
            throw InvalidInputException.forKey(key, string(key), "must be one of " + allowed);
        }
        return found;
    }

    /** @return the strings of a list key, trimmed */
    List<String> stringList(String key) {
        try {
            return config.getStringList(key).stream().map(String::trim).toList();
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be a list of strings");
        }
    }

    boolean bool(String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be true or false");
        }
    }

    double number(String key) {
        try {
            return config.getDouble(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be a number");
        }
    }

    long longInteger(String key) {
        try {
            return config.getLong(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be an integer");
        }
    }

    /** @return the key's list, unwrapped to plain Java values */
    List<Object> list(String key) {
        try {
            return config.getList(key).unwrapped();
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, raw(key), "must be a list");
        }
    }

    /** @return true when the key holds the string {@code auto} (any case) */
    boolean isAuto(String key) {
        return config.getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING
                && "auto".equalsIgnoreCase(config.getString(key).trim());
    }

    /** @return the number, or empty when the key is set to null */
    OptionalDouble optionalNumber(String key) {
        if (config.getIsNull(key)) {
            return OptionalDouble.empty();
        }
        double value = number(key);
        if (!Double.isFinite(value)) {
            throw InvalidInputException.forKey(key, value, "must be a finite number or null");
        }
        return OptionalDouble.of(value);
    }

    double doubleIn(String key, double low, double high, boolean closedLow) {
        double value = number(key);
        boolean aboveLow = closedLow ? value >= low : value > low;
        if (!aboveLow || !(value < high || (high == Double.MAX_VALUE && Double.isFinite(value)))) {
            throw InvalidInputException.forKey(key, value,
                    "must be in " + (closedLow ? "[" : "(") + low + ", " + high + ")");
        }
        return value;
    }

    int intIn(String key, int low, int high) {
        double value = number(key);
        if (value != Math.rint(value)) {
            throw InvalidInputException.forKey(key, raw(key), "must be an integer");
        }
        if (value < low || value > high) {
            throw InvalidInputException.forKey(key, (long) value,
                    high == Integer.MAX_VALUE || high >= 1_000_000 ? "must be >= " + low
                            : "must be in [" + low + ", " + high + "]");
        }
        return (int) value;
    }

    /** @return the value of {@code key} as written, for error messages */
    Object raw(String key) {
        return config.getValue(key).unwrapped();
    }
}
