package org.sparkhpo.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An integer range on a linear or log scale; values are rounded to the nearest integer after mapping.
 *
 * @param tunable the hyperparameter
 * @param low lower bound
 * @param high upper bound, >= low
 * @param scale linear or log (log needs low > 0)
 * @param gridPoints how many points a grid takes, >= 1 (duplicates after rounding are dropped)
 */
public record IntegerParameter(Tunable tunable, int low, int high, Scale scale, int gridPoints)
        implements Parameter {
    public IntegerParameter {
        Objects.requireNonNull(tunable, "tunable");
        Objects.requireNonNull(scale, "scale");
        RangeRules.check(tunable.key(), low, high, scale, gridPoints);
        tunable.check(low);
        tunable.check(high);
    }

    @Override
    public Object fromUnit(double unit) {
        double clamped = Math.min(1.0, Math.max(0.0, unit));
        // Widen by half a unit on each side so the end points get as much mass as inner integers.
        double lo = scale == Scale.LOG ? low : low - 0.5;
        double hi = scale == Scale.LOG ? high : high + 0.4999999;
        long rounded = Math.round(scale.fromUnit(lo, hi, clamped));
        return (int) Math.min(high, Math.max(low, rounded));
    }

    @Override
    public double toUnit(Object value) {
        return scale.toUnit(low, high, ((Number) value).doubleValue());
    }

    @Override
    public List<Object> gridValues() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < gridPoints; i++) {
            double unit = gridPoints == 1 ? 0.5 : i / (double) (gridPoints - 1);
            Object value = (int) Math.round(scale.fromUnit(low, high, unit));
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }
}
