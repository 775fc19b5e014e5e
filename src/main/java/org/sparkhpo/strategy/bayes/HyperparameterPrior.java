package org.sparkhpo.strategy.bayes;

/**
 * The prior the {@code bayes} strategy puts on the Gaussian process's hyperparameters
 * theta = (log l_1, ..., log l_d, log s^2, log noise) before fitting them ({@link MarginalLikelihoodFit}):
 * <pre>
 *   log p(theta) = sum_i log p_l(l_i) + log p_n(noise)
 * </pre>
 * with p_l the {@link LengthScalePrior} and p_n the {@link NoisePrior} (each 1 when none); the signal variance s^2
 * keeps no prior (BoTorch's dimension-scaled model has no output scale; ours stays fitted by the likelihood inside
 * its bounds). With neither prior the fit is maximum likelihood.
 *
 * @param lengthScales the prior on each length scale
 * @param noise the prior on the noise variance
 */
public record HyperparameterPrior(LengthScalePrior lengthScales, NoisePrior noise) {
    /** Neither prior: maximum likelihood. */
    public static final HyperparameterPrior NONE = new HyperparameterPrior(LengthScalePrior.NONE, NoisePrior.NONE);

    public HyperparameterPrior {
        if (lengthScales == null) {
            throw new IllegalArgumentException("length-scale-prior: must be one of " + LengthScalePrior.names());
        }
        if (noise == null) {
            throw new IllegalArgumentException("noise-prior: must be one of " + NoisePrior.names());
        }
    }

    /**
     * @param theta (log l_1, ..., log l_d, log s^2, log noise), d >= 1
     * @return log p(theta), 0 with neither prior
     */
    double logDensity(double[] theta) {
        int d = theta.length - 2;
        double sum = noise.logDensity(Math.exp(theta[d + 1]));
        for (int i = 0; i < d; i++) {
            sum += lengthScales.logDensity(Math.exp(theta[i]), d);
        }
        return sum;
    }
}
