package org.sparkhpo.strategy.bayes;

import java.util.Optional;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * The prior on each length scale of the Matérn kernel ({@code hpo.search.bayes.length-scale-prior}), for the
 * maximum-a-posteriori fit of {@link MarginalLikelihoodFit}.
 *
 * <p>{@link #DIMENSION_SCALED} is the prior of Hvarfner, Hellsten and Nardi, "Vanilla Bayesian optimization
 * performs great in high dimensions" (ICML 2024), BoTorch's default since version 0.12
 * ({@code get_covar_module_with_dim_scaled_prior} in {@code botorch/models/utils/gpytorch_modules.py}), for
 * inputs in the unit cube [0, 1]^d as ours, with d the number of model coordinates:
 * <pre>
 *   l_i ~ LogNormal(mu_l = sqrt(2) + log(d) / 2, sigma_l = sqrt(3)),   i = 1..d
 *   log p(l; mu, sigma) = -log l - log(sigma sqrt(2 pi)) - (log l - mu)^2 / (2 sigma^2)
 * </pre>
 * The log(d) / 2 term grows the length scales as sqrt(d), so the expected distance between points measured in
 * length scales stays the same as the dimension grows: the model stays as smooth in 8 dimensions as in 2 instead
 * of over-fitting with short length scales, and few points cannot drive a length scale to a bound.
 *
 * <p>As in GPyTorch, whose marginal log likelihood adds {@code prior.log_prob(lengthscale)}, the density is that
 * of l itself (with its -log l term), whatever coordinates the optimizer searches in. With no data the maximum a
 * posteriori length scale is therefore the prior's mode exp(mu_l - sigma_l^2) = e^(sqrt(2) - 3) sqrt(d), about
 * 0.205 sqrt(d) (0.29 for d = 2, 0.50 for d = 6, 0.58 for d = 8), not its median exp(mu_l) = e^sqrt(2) sqrt(d),
 * about 4.1 sqrt(d) (5.8 for d = 2, 10.1 for d = 6, 11.6 for d = 8). Both lie inside the fit's bounds [0.02, 20]
 * for d <= 23, so the prior acts without widening them (BoTorch bounds l below by 0.025 only; measured, the prior
 * leaves almost no fitted length scale at 20: BENCHMARKS.md, issue 12). The density is Commons Math's
 * {@link LogNormalDistribution}.
 *
 * <p>The signal variance and the noise keep no prior. BoTorch pairs this prior with LogNormal(-4, 1) on the noise
 * variance; measured on our noise-free benchmark functions and on Fashion-MNIST, that noise prior held the fitted
 * noise hundreds of times above what the likelihood asks, blunted the refinement of minima and gained nothing, so
 * it was not kept (BENCHMARKS.md, issue 12, sixth pass).
 */
public enum LengthScalePrior implements ConfigNamed {
    /** No prior: the length scales are fitted by the likelihood alone inside their bounds. */
    NONE,
    /** LogNormal(sqrt(2) + log(d) / 2, sqrt(3)) on each length scale (Hvarfner et al., ICML 2024). */
    DIMENSION_SCALED;

    /** mu_l - log(d) / 2: the location of the log length scale in one dimension (Hvarfner et al.). */
    static final double LOCATION = Math.sqrt(2.0);
    /** sigma_l: the scale of the log length scale (Hvarfner et al.). */
    static final double SCALE = Math.sqrt(3.0);

    /**
     * @param theta (log l_1, ..., log l_d, log s^2, log noise), d >= 1
     * @return sum_i log p(l_i) (0 for {@link #NONE}); the signal variance and the noise keep no prior
     */
    double logDensity(double[] theta) {
        if (this == NONE) {
            return 0.0;
        }
        int d = theta.length - 2;
        // No random generator: the prior is only evaluated, never sampled.
        LogNormalDistribution prior = new LogNormalDistribution(null, location(d), SCALE);
        double sum = 0.0;
        for (int i = 0; i < d; i++) {
            sum += prior.logDensity(Math.exp(theta[i]));
        }
        return sum;
    }

    /** @return the length scale at the dimension-scaled prior's mode, exp(mu_l - sigma_l^2) */
    static double mode(int dimension) {
        return Math.exp(location(dimension) - SCALE * SCALE);
    }

    private static double location(int dimension) {
        return LOCATION + 0.5 * Math.log(dimension);
    }

    /** @return the prior called {@code name}, if any */
    public static Optional<LengthScalePrior> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
