package org.sparkhpo.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;

/**
 * Reads {@code hpo.search.space}, a list of parameter entries in declaration order. An entry is
 * {@code { name = <tunable>, values = [...] }} (a categorical list, which is also how a grid of chosen
 * numbers is written) or {@code { name, low, high, scale = linear|log, type = continuous|integer,
 * grid-points = N }} (type defaults to the tunable's kind, scale to linear, grid-points to 3).
 */
final class SpaceReader {
    private static final Set<String> ENTRY_KEYS = Set.of("name", "type", "scale", "low", "high", "grid-points",
            "values");

    private SpaceReader() {
    }

    static SearchSpace read(Config config, String key) {
        List<? extends Config> entries;
        try {
            entries = config.getConfigList(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, config.getValue(key).unwrapped(),
                    "must be a list of parameter objects");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = key + "[" + i + "]";
            parameters.add(parameter(entries.get(i), where));
        }
        try {
            return new SearchSpace(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(key + ": " + e.getMessage(), e);
        }
    }

    private static Parameter parameter(Config entry, String where) {
        for (String k : entry.root().keySet()) {
            if (!ENTRY_KEYS.contains(k)) {
                throw InvalidInputException.forKey(where + "." + k, entry.getValue(k).unwrapped(),
                        "is not a known key of a parameter (known: " + ENTRY_KEYS + ")");
            }
        }
        Keys keys = new Keys(entry);
        if (!entry.hasPath("name")) {
            throw new InvalidInputException(where + ": a parameter needs a name (one of " + Tunable.keys() + ")");
        }
        String name = keys.string("name");
        Tunable tunable = Tunable.byKey(name).orElseThrow(() -> InvalidInputException.forKey(where + ".name",
                name, "must be one of " + Tunable.keys()));
        String label = where + " (" + name + ")";
        try {
            if (entry.hasPath("values")) {
                return new CategoricalParameter(tunable, values(entry, tunable, label));
            }
            return range(entry, keys, tunable, label);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + "." + e.getMessage(), e);
        }
    }

    private static List<Object> values(Config entry, Tunable tunable, String label) {
        List<Object> values = new ArrayList<>();
        for (ConfigValue value : entry.getList("values")) {
            Object raw = value.unwrapped();
            values.add(normalize(tunable, raw));
        }
        if (values.isEmpty()) {
            throw new InvalidInputException(label + ": values is empty; a grid needs at least one value");
        }
        return values;
    }

    private static Object normalize(Tunable tunable, Object raw) {
        return switch (tunable.kind()) {
            case REAL -> raw instanceof Number n ? (Object) n.doubleValue() : raw;
            case INTEGER -> raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.intValue() : raw;
            case NAME -> raw instanceof String s ? s.toLowerCase(Locale.ROOT) : raw;
            case BOOLEAN -> raw;
        };
    }

    private static Parameter range(Config entry, Keys keys, Tunable tunable, String label) {
        if (!entry.hasPath("low") || !entry.hasPath("high")) {
            throw new InvalidInputException(label + ": give either values = [...] or both low and high");
        }
        Scale scale = Scale.valueOf(entry.hasPath("scale")
                ? keys.oneOf("scale", List.of("linear", "log")).toUpperCase(Locale.ROOT) : "LINEAR");
        int gridPoints = entry.hasPath("grid-points") ? keys.intIn("grid-points", 1, 100_000) : 3;
        String type = entry.hasPath("type") ? keys.oneOf("type", List.of("continuous", "integer"))
                : tunable.kind() == Tunable.Kind.INTEGER ? "integer" : "continuous";
        if (tunable.kind() == Tunable.Kind.BOOLEAN || tunable.kind() == Tunable.Kind.NAME) {
            throw new InvalidInputException(label + ": a " + tunable.kind().name().toLowerCase(Locale.ROOT)
                    + " parameter needs values = [...], not a range");
        }
        double low = keys.number("low");
        double high = keys.number("high");
        if (type.equals("integer")) {
            if (low != Math.rint(low) || high != Math.rint(high)) {
                throw new InvalidInputException(label + ": integer bounds must be integers, got [" + low + ", "
                        + high + "]");
            }
            return new IntegerParameter(tunable, (int) low, (int) high, scale, gridPoints);
        }
        if (tunable.kind() == Tunable.Kind.INTEGER) {
            throw new InvalidInputException(label + ": type (continuous) must be integer for " + tunable.key());
        }
        return new ContinuousParameter(tunable, low, high, scale, gridPoints);
    }
}
