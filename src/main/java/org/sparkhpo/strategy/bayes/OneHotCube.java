package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.SearchSpace;

/**
 * The coordinates the Gaussian process models: one per continuous or integer parameter, in [0, 1] on the
 * parameter's own scale (a log range in log space), and one per value of a categorical parameter (one-hot).
 *
 * <p>Rounding inside the acquisition (Garrido-Merchán and Hernández-Lobato, "Dealing with categorical and
 * integer-valued variables in Bayesian optimization with Gaussian processes", Neurocomputing 380, 2020): every
 * point the acquisition sees is first mapped to the configuration it stands for and back ({@link #round}): an
 * integer coordinate snaps to the unit position of its rounded value, a categorical block to the one-hot vector
 * of its largest coordinate. The model therefore only ever compares points that can be evaluated.
 */
public final class OneHotCube {
    /** The most model coordinates the strategy accepts; the GP's length scales are fitted one per coordinate. */
    public static final int MAX_DIMENSION = 24;

    private final SearchSpace space;
    private final List<Parameter> parameters;
    private final int[] offsets;
    private final int dimension;

    /**
     * @param space the search space
     * @throws IllegalArgumentException when the space is empty or encodes to more than {@link #MAX_DIMENSION}
     *     coordinates
     */
    public OneHotCube(SearchSpace space) {
        this.space = space;
        this.parameters = space.parameters();
        this.offsets = new int[parameters.size()];
        int next = 0;
        for (int p = 0; p < parameters.size(); p++) {
            offsets[p] = next;
            next += width(parameters.get(p));
        }
        this.dimension = next;
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the search space has no parameter to model");
        }
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("the search space encodes to " + dimension + " model coordinates"
                    + " (one per range, one per categorical value); a Gaussian process here handles at most "
                    + MAX_DIMENSION);
        }
    }

    /** @return the number of model coordinates */
    public int dimension() {
        return dimension;
    }

    /** @return the search space */
    public SearchSpace space() {
        return space;
    }

    /** @return the model point of {@code configuration} */
    public double[] encode(Configuration configuration) {
        double[] x = new double[dimension];
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Object value = configuration.get(parameter.name());
            if (parameter instanceof CategoricalParameter categorical) {
                x[offsets[p] + categorical.values().indexOf(value)] = 1.0;
            } else {
                x[offsets[p]] = parameter.toUnit(value);
            }
        }
        return x;
    }

    /** @return the configuration at model point {@code x} (categories by the largest coordinate of a block) */
    public Configuration decode(double[] x) {
        Configuration configuration = Configuration.empty();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Object value;
            if (parameter instanceof CategoricalParameter categorical) {
                value = categorical.values().get(largest(x, offsets[p], categorical.values().size()));
            } else {
                value = parameter.fromUnit(Math.min(1.0, Math.max(0.0, x[offsets[p]])));
            }
            configuration = configuration.with(parameter.name(), value);
        }
        return configuration;
    }

    /** @return the model point of the configuration {@code x} stands for (the rounding of the class comment) */
    public double[] round(double[] x) {
        return encode(decode(x));
    }

    private static int largest(double[] x, int offset, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (x[offset + i] > x[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    private static int width(Parameter parameter) {
        return parameter instanceof CategoricalParameter categorical ? categorical.values().size() : 1;
    }
}
