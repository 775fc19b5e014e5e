package org.sparkhpo.strategy.bayes;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * The prior the {@code bayes} strategy puts on the Gaussian process's hyperparameters before fitting them
 * ({@link MarginalLikelihoodFit}): none (maximum marginal likelihood) or the dimension-scaled log-normal prior of
 * Hvarfner, Hellsten and Nardi (maximum a posteriori), see {@link DimensionScaledPrior}.
 */
public enum HyperparameterPrior implements ConfigNamed {
    /** No prior: the hyperparameters maximize the log marginal likelihood inside their bounds. */
    NONE,
    /** {@link DimensionScaledPrior}: log-normal length scales centred by the dimension, log-normal noise. */
    DIMENSION_SCALED;

    /**
     * @param dimension the number of model coordinates d, >= 1
     * @return theta = (log l_1, ..., log l_d, log s^2, log noise) mapped to the log prior density added to the
     *     log marginal likelihood (0 for {@link #NONE})
     */
    ToDoubleFunction<double[]> logDensity(int dimension) {
        return this == NONE ? theta -> 0.0 : new DimensionScaledPrior(dimension)::logDensity;
    }

    /** @return the prior called {@code name}, if any */
    public static Optional<HyperparameterPrior> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
