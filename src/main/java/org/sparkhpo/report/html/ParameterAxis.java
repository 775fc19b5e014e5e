package org.sparkhpo.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.trial.TrialResult;

/**
 * How the report draws one parameter: on a linear or a logarithmic value axis, or as categories. A range of the
 * search space keeps its scale; a list of numbers (or a parameter the space does not name, such as those of the
 * folklore or manual strategies) is drawn on a log axis when its values are all positive and span at least
 * {@value #LOG_SPAN}x, else linearly; anything else (names, booleans) is categorical.
 *
 * @param name the configuration key
 * @param kind the axis
 * @param categories the distinct values as text, sorted, for a categorical axis; empty otherwise
 */
public record ParameterAxis(String name, Kind kind, List<String> categories) {
    /** Ratio of the largest to the smallest value from which a list of positive numbers gets a log axis. */
    static final double LOG_SPAN = 100.0;

    /** The axis type, named as ECharts names it. */
    public enum Kind { LINEAR, LOG, CATEGORY }

    public ParameterAxis {
        categories = List.copyOf(categories);
    }

    /**
     * @param space the run's search space, or null when unknown
     * @param trials the trials whose parameters are drawn
     * @return one axis per parameter any trial set, the space's order first, then in order of appearance
     */
    public static List<ParameterAxis> of(SearchSpace space, List<TrialResult> trials) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        if (space != null) {
            space.names().forEach(name -> values.put(name, new ArrayList<>()));
        }
        for (TrialResult trial : trials) {
            trial.configuration().values().forEach((name, value) ->
                    values.computeIfAbsent(name, key -> new ArrayList<>()).add(value));
        }
        List<ParameterAxis> axes = new ArrayList<>();
        values.forEach((name, seen) -> {
            if (!seen.isEmpty()) {
                axes.add(axis(name, seen, declared(space, name)));
            }
        });
        return axes;
    }

    /** @return the value as a number for the importance model: numbers as they are, a category as its index */
    double encode(Object value) {
        if (value == null) {
            return -1.0;
        }
        if (kind == Kind.CATEGORY) {
            return categories.indexOf(String.valueOf(value));
        }
        return ((Number) value).doubleValue();
    }

    private static Optional<Parameter> declared(SearchSpace space, String name) {
        return space == null ? Optional.empty()
                : space.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static ParameterAxis axis(String name, List<Object> seen, Optional<Parameter> declared) {
        boolean numeric = seen.stream().allMatch(value -> value instanceof Number);
        if (!numeric) {
            TreeSet<String> distinct = new TreeSet<>();
            seen.forEach(value -> distinct.add(String.valueOf(value)));
            return new ParameterAxis(name, Kind.CATEGORY, List.copyOf(distinct));
        }
        Optional<Scale> scale = declared.flatMap(ParameterAxis::scaleOf);
        if (scale.isPresent()) {
            return new ParameterAxis(name, scale.get() == Scale.LOG ? Kind.LOG : Kind.LINEAR, List.of());
        }
        double low = seen.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
        double high = seen.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
        boolean log = low > 0 && high / low >= LOG_SPAN;
        return new ParameterAxis(name, log ? Kind.LOG : Kind.LINEAR, List.of());
    }

    private static Optional<Scale> scaleOf(Parameter parameter) {
        if (parameter instanceof ContinuousParameter continuous) {
            return Optional.of(continuous.scale());
        } else if (parameter instanceof IntegerParameter integer) {
            return Optional.of(integer.scale());
        } else if (parameter instanceof CategoricalParameter) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
