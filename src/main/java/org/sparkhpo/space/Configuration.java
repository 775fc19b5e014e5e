package org.sparkhpo.space;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a search space: parameter name to value, in the space's declaration order. Values are
 * {@link Double} (continuous), {@link Integer} (integer), {@link Boolean} or {@link String} (categorical).
 * Immutable.
 *
 * @param values the values by parameter name
 */
public record Configuration(Map<String, Object> values) implements Serializable {
    public Configuration {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /** @return the empty configuration (every hyperparameter at its configured default) */
    public static Configuration empty() {
        return new Configuration(Map.of());
    }

    /** @return the value of {@code name}, or null when the configuration does not set it */
    public Object get(String name) {
        return values.get(name);
    }

    /** @return this configuration with {@code name} set to {@code value} (appended when new) */
    public Configuration with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Configuration(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
