package org.sparkhpo.strategy;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.SearchSpace;

/**
 * The coordinates a derivative-free method moves in: one per continuous or integer parameter, each in
 * [0, 1] on the parameter's own scale (a log range is searched in log space), mapped to values by
 * {@link Parameter#fromUnit} (integers rounded there).
 *
 * <p>Categorical rule: a categorical parameter with one value is held at that value; one with more values
 * is rejected, because its values have no order a simplex or a covariance could move along. To compare
 * categories, run one derivative-free search per value (or give the category as a fixed training key).
 */
public final class UnitCube {
    private final SearchSpace space;
    private final List<Parameter> searched = new ArrayList<>();

    /**
     * @param space the search space
     * @throws IllegalArgumentException for a categorical parameter with more than one value, or when no
     *     parameter is left to search
     */
    public UnitCube(SearchSpace space) {
        this.space = space;
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof CategoricalParameter categorical) {
                if (categorical.values().size() > 1) {
                    throw new IllegalArgumentException(parameter.name() + ": lists " + categorical.values().size()
                            + " values " + categorical.values() + "; derivative-free strategies search ranges"
                            + " (low/high) and hold a categorical parameter only when it has a single value");
                }
            } else {
                searched.add(parameter);
            }
        }
        if (searched.isEmpty()) {
            throw new IllegalArgumentException("the search space has no range (low/high) parameter to search");
        }
    }

    /** @return the number of searched coordinates */
    public int dimension() {
        return searched.size();
    }

    /** @return the configuration at {@code point} (coordinates clipped into [0, 1] by the parameters) */
    public Configuration configuration(double[] point) {
        Configuration configuration = Configuration.empty();
        int k = 0;
        for (Parameter parameter : space.parameters()) {
            Object value = parameter instanceof CategoricalParameter c ? c.values().get(0)
                    : parameter.fromUnit(point[k++]);
            configuration = configuration.with(parameter.name(), value);
        }
        return configuration;
    }

    /**
     * @param configuration values for (some of) the searched parameters
     * @param fallback the coordinate used for a searched parameter the configuration does not set
     * @return the point of the configuration, clipped into the cube
     */
    public double[] point(Configuration configuration, double fallback) {
        double[] point = new double[searched.size()];
        for (int k = 0; k < point.length; k++) {
            Object value = configuration.get(searched.get(k).name());
            point[k] = value == null ? fallback : searched.get(k).toUnit(value);
        }
        return clip(point);
    }

    /** @return the centre of the cube, (1/2, ..., 1/2) */
    public double[] center() {
        double[] center = new double[searched.size()];
        java.util.Arrays.fill(center, 0.5);
        return center;
    }

    /** @return a copy of {@code x} with every coordinate clipped into [0, 1] (NaN becomes 0.5) */
    public static double[] clip(double[] x) {
        double[] clipped = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            clipped[i] = Double.isNaN(x[i]) ? 0.5 : Math.min(1.0, Math.max(0.0, x[i]));
        }
        return clipped;
    }
}
