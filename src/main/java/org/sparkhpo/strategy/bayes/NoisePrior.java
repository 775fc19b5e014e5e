package org.sparkhpo.strategy.bayes;

import java.util.Optional;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * The prior on the noise variance of the Gaussian process ({@code hpo.search.bayes.noise-prior}), for the
 * maximum-a-posteriori fit of {@link MarginalLikelihoodFit}.
 *
 * <p>{@link #LOG_NORMAL} is the noise prior that goes with the dimension-scaled length scales in Hvarfner,
 * Hellsten and Nardi (ICML 2024) and BoTorch since 0.12 ({@code get_gaussian_likelihood_with_lognormal_prior}):
 * noise ~ LogNormal(-4, 1) on the variance of the standardized outputs, mode e^-5 (0.0067), median e^-4 (0.018).
 * It suits noisy objectives; on a deterministic one it holds the fitted noise far above what the data ask for (our
 * bound is 1e-6) and blunts the refinement of a minimum (measured: BENCHMARKS.md, issue 12, sixth pass). The
 * density is Commons Math's {@link LogNormalDistribution}, evaluated at the variance itself (GPyTorch's).
 */
public enum NoisePrior implements ConfigNamed {
    /** No prior: the noise is fitted by the likelihood alone inside its bounds. */
    NONE,
    /** LogNormal(-4, 1) on the noise variance (BoTorch's). */
    LOG_NORMAL;

    /** The location of the log noise variance (BoTorch). */
    static final double LOCATION = -4.0;
    /** The scale of the log noise variance (BoTorch). */
    static final double SCALE = 1.0;

    /**
     * @param noise the noise variance, > 0
     * @return log p(noise) (0 for {@link #NONE})
     */
    double logDensity(double noise) {
        return this == NONE ? 0.0 : new LogNormalDistribution(null, LOCATION, SCALE).logDensity(noise);
    }

    /** @return the prior called {@code name}, if any */
    public static Optional<NoisePrior> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
