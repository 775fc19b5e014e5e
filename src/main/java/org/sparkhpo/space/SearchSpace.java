package org.sparkhpo.space;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dimensions a strategy searches, in declaration order (grids enumerate in this order, the last
 * dimension varying fastest). Immutable.
 *
 * @param parameters the dimensions, each tunable at most once
 */
public record SearchSpace(List<Parameter> parameters) implements Serializable {
    public SearchSpace {
        parameters = List.copyOf(parameters);
        Set<Tunable> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.tunable())) {
                throw new IllegalArgumentException(parameter.name() + ": declared more than once");
            }
        }
    }

    /** @return the number of dimensions */
    public int dimension() {
        return parameters.size();
    }

    /** @return the number of grid points: the product of every parameter's grid size (1 when empty) */
    public long gridSize() {
        long size = 1;
        for (Parameter parameter : parameters) {
            size = Math.multiplyExact(size, parameter.gridValues().size());
        }
        return size;
    }

    /**
     * @param unitPoint one position in [0, 1] per dimension
     * @return the configuration at that point
     */
    public Configuration fromUnit(double[] unitPoint) {
        if (unitPoint.length != parameters.size()) {
            throw new IllegalArgumentException("unit point has " + unitPoint.length + " coordinates, space has "
                    + parameters.size() + " dimensions");
        }
        Configuration configuration = Configuration.empty();
        for (int i = 0; i < unitPoint.length; i++) {
            configuration = configuration.with(parameters.get(i).name(), parameters.get(i).fromUnit(unitPoint[i]));
        }
        return configuration;
    }

    /** @return the names of the dimensions, in order */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }
}
