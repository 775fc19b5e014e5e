package org.sparkhpo.strategy.bayes;

import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * The dimension-scaled hyperparameter prior of Hvarfner, Hellsten and Nardi, "Vanilla Bayesian optimization
 * performs great in high dimensions" (ICML 2024), BoTorch's default since version 0.12
 * ({@code get_covar_module_with_dim_scaled_prior} and {@code get_gaussian_likelihood_with_lognormal_prior} in
 * {@code botorch/models/utils/gpytorch_modules.py}), for inputs in the unit cube [0, 1]^d as ours:
 * <pre>
 *   l_i     ~ LogNormal(mu_l = sqrt(2) + log(d) / 2, sigma_l = sqrt(3))     each length scale, i = 1..d
 *   noise   ~ LogNormal(mu_n = -4, sigma_n = 1)                            the noise variance
 *   log p(x; mu, sigma) = -log x - log(sigma sqrt(2 pi)) - (log x - mu)^2 / (2 sigma^2)
 * </pre>
 * The log(d) / 2 term grows the length scales as sqrt(d), so the expected distance between points measured in
 * length scales stays the same as the dimension grows: the model stays as smooth in 8 dimensions as in 2 instead
 * of over-fitting with short length scales. The signal variance keeps no prior (BoTorch's dimension-scaled model
 * has no output scale; ours stays fitted by the likelihood inside its bounds).
 *
 * <p>As in GPyTorch, whose marginal log likelihood adds {@code prior.log_prob(lengthscale)}, the density is that
 * of l itself (with its -log l term), whatever coordinates the optimizer searches in. With no data the maximum a
 * posteriori length scale is therefore the prior's mode exp(mu_l - sigma_l^2) = e^(sqrt(2) - 3) sqrt(d), about
 * 0.205 sqrt(d) (0.29 for d = 2, 0.50 for d = 6, 0.58 for d = 8), not its median exp(mu_l) = e^sqrt(2) sqrt(d), about
 * 4.1 sqrt(d) (5.8 for d = 2, 10.1 for d = 6, 11.6 for d = 8); both lie inside the fit's bounds [0.02, 20] for
 * d <= 23, so the prior acts without widening them. The noise mode is e^-5, 0.0067 (median e^-4, 0.018) of the
 * unit output variance. The densities come from Commons Math's {@link LogNormalDistribution}.
 */
final class DimensionScaledPrior {
    /** mu_l - log(d) / 2: the location of the log length scale in one dimension (Hvarfner et al.). */
    static final double LENGTH_LOCATION = Math.sqrt(2.0);
    /** sigma_l: the scale of the log length scale (Hvarfner et al.). */
    static final double LENGTH_SCALE = Math.sqrt(3.0);
    /** mu_n: the location of the log noise variance (BoTorch's log-normal likelihood). */
    static final double NOISE_LOCATION = -4.0;
    /** sigma_n: the scale of the log noise variance. */
    static final double NOISE_SCALE = 1.0;

    private final int dimension;
    private final LogNormalDistribution lengthScale;
    private final LogNormalDistribution noise;

    /** @param dimension the number of model coordinates d, >= 1 */
    DimensionScaledPrior(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension-scaled prior: dimension " + dimension + " must be >= 1");
        }
        this.dimension = dimension;
        // No random generator: the prior is only evaluated, never sampled.
        this.lengthScale = new LogNormalDistribution(null, LENGTH_LOCATION + 0.5 * Math.log(dimension),
                LENGTH_SCALE);
        this.noise = new LogNormalDistribution(null, NOISE_LOCATION, NOISE_SCALE);
    }

    /**
     * @param theta (log l_1, ..., log l_d, log s^2, log noise)
     * @return sum_i log p(l_i) + log p(noise)
     */
    double logDensity(double[] theta) {
        if (theta.length != dimension + 2) {
            throw new IllegalArgumentException("dimension-scaled prior: " + theta.length + " hyperparameters for "
                    + dimension + " dimensions; need d + 2");
        }
        double sum = noise.logDensity(Math.exp(theta[dimension + 1]));
        for (int i = 0; i < dimension; i++) {
            sum += lengthScale.logDensity(Math.exp(theta[i]));
        }
        return sum;
    }

    /** @return the length scale at the prior's mode, exp(mu_l - sigma_l^2) */
    double lengthScaleMode() {
        return Math.exp(lengthScale.getScale() - lengthScale.getShape() * lengthScale.getShape());
    }
}
