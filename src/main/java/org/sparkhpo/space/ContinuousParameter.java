package org.sparkhpo.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real-valued range on a linear or log scale.
 *
 * @param tunable the hyperparameter
 * @param low lower bound
 * @param high upper bound, >= low
 * @param scale linear or log (log needs low > 0)
 * @param gridPoints how many evenly spaced points (on the scale, bounds included) a grid takes, >= 1
 */
public record ContinuousParameter(Tunable tunable, double low, double high, Scale scale, int gridPoints)
        implements Parameter {
    public ContinuousParameter {
        Objects.requireNonNull(tunable, "tunable");
        Objects.requireNonNull(scale, "scale");
        RangeRules.check(tunable.key(), low, high, scale, gridPoints);
        tunable.check(low);
        tunable.check(high);
    }

    @Override
    public Object fromUnit(double unit) {
        double value = scale.fromUnit(low, high, Math.min(1.0, Math.max(0.0, unit)));
        return Math.min(high, Math.max(low, value));
    }

    @Override
    public double toUnit(Object value) {
        return scale.toUnit(low, high, ((Number) value).doubleValue());
    }

    @Override
    public List<Object> gridValues() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < gridPoints; i++) {
            values.add(fromUnit(gridPoints == 1 ? 0.5 : i / (double) (gridPoints - 1)));
        }
        return values;
    }
}
