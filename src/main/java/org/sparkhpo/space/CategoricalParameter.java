package org.sparkhpo.space;

import java.util.List;
import java.util.Objects;

/**
 * An explicit list of values (numbers, booleans or names). A grid takes them in the listed order; a
 * random draw picks one uniformly; the unit interval is cut into equal bins, one per value.
 *
 * @param tunable the hyperparameter
 * @param values the values, at least one, each valid for the tunable
 */
public record CategoricalParameter(Tunable tunable, List<Object> values) implements Parameter {
    public CategoricalParameter {
        Objects.requireNonNull(tunable, "tunable");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(tunable.key() + ": values must not be empty");
        }
        for (Object value : values) {
            tunable.check(value);
        }
    }

    @Override
    public Object fromUnit(double unit) {
        int index = (int) Math.floor(Math.min(1.0, Math.max(0.0, unit)) * values.size());
        return values.get(Math.min(values.size() - 1, index));
    }

    @Override
    public double toUnit(Object value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(tunable.key() + ": " + value + " is not one of " + values);
        }
        return (index + 0.5) / values.size();
    }

    @Override
    public List<Object> gridValues() {
        return values;
    }
}
