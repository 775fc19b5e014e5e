package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hyperparameter fit: maximum likelihood, and maximum a posteriori under the dimension-scaled prior. */
class MarginalLikelihoodFitTest {
    private static final double[][] POINTS = {{0.1, 0.8, 0.3}, {0.5, 0.2, 0.9}, {0.9, 0.6, 0.1},
        {0.3, 0.4, 0.6}, {0.7, 0.9, 0.5}};
    private static final HyperparameterPrior BOTH = new HyperparameterPrior(LengthScalePrior.DIMENSION_SCALED,
            NoisePrior.LOG_NORMAL);
    private static final HyperparameterPrior LENGTHS = new HyperparameterPrior(LengthScalePrior.DIMENSION_SCALED,
            NoisePrior.NONE);
    private static final double[] OUTPUTS = KrigingBeliever.standardize(new double[] {0.3, -1.2, 0.8, 0.1, 2.0});

    /** log of the LogNormal(mu, sigma) density at x, written out by hand. */
    private static double logNormalDensity(double x, double mu, double sigma) {
        double z = (Math.log(x) - mu) / sigma;
        return -Math.log(x) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
    }

    @Test
    void theMaximumAPosterioriObjectiveIsTheLogMarginalLikelihoodPlusTheHandComputedLogPrior() {
        double[] lengths = {0.3, 1.7, 12.0};
        double signal = 1.4;
        double noise = 0.02;
        double[] theta = {Math.log(lengths[0]), Math.log(lengths[1]), Math.log(lengths[2]), Math.log(signal),
            Math.log(noise)};
        double logLikelihood = MarginalLikelihoodFit.build(POINTS, OUTPUTS, theta).logMarginalLikelihood();
        double mu = Math.sqrt(2) + Math.log(3) / 2;
        double logLengthPrior = 0.0;
        for (double length : lengths) {
            logLengthPrior += logNormalDensity(length, mu, Math.sqrt(3));
        }
        double logNoisePrior = logNormalDensity(noise, -4.0, 1.0);
        assertEquals(logLikelihood + logLengthPrior + logNoisePrior, new MarginalLikelihoodFit(1, 10, BOTH)
                .objective(POINTS, OUTPUTS, theta), 1e-10);
        assertEquals(logLikelihood + logLengthPrior, new MarginalLikelihoodFit(1, 10, LENGTHS).objective(POINTS,
                OUTPUTS, theta), 1e-10);
        assertEquals(logLikelihood, new MarginalLikelihoodFit(1, 10, HyperparameterPrior.NONE).objective(POINTS,
                OUTPUTS, theta), 1e-12);
        assertTrue(Math.abs(logLengthPrior) > 1.0 && Math.abs(logNoisePrior) > 1.0,
                "neither prior term is negligible: " + logLengthPrior + ", noise " + logNoisePrior);
    }

    @Test
    void thePriorsModeIsItsDocumentedLengthScale() {
        // exp(sqrt(2) + log(d)/2 - 3) = e^(sqrt(2) - 3) sqrt(d): 0.50 for d = 6
        assertEquals(Math.exp(Math.sqrt(2) - 3) * Math.sqrt(6), LengthScalePrior.mode(6), 1e-12);
        assertEquals(0.502, LengthScalePrior.mode(6), 1e-3);
    }

    @Test
    void withFewPointsThePriorsPullTheFittedLengthScalesAndNoiseTowardTheirModes() {
        double[] ml = fitted(HyperparameterPrior.NONE);
        double[] map = fitted(BOTH);
        double mode = Math.log(LengthScalePrior.mode(3));
        double noiseMode = -5.0;
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(map[i] - mode) < Math.abs(ml[i] - mode) - 0.1, "length scale " + i + ": maximum"
                    + " likelihood " + Math.exp(ml[i]) + ", a posteriori " + Math.exp(map[i]));
        }
        assertTrue(Math.abs(map[4] - noiseMode) < Math.abs(ml[4] - noiseMode), "noise: maximum likelihood "
                + Math.exp(ml[4]) + ", a posteriori " + Math.exp(map[4]));
    }

    @Test
    void theLengthScalePriorAloneLeavesTheNoiseToTheLikelihood() {
        double[] lengthsOnly = fitted(LENGTHS);
        double[] both = fitted(BOTH);
        double mode = Math.log(LengthScalePrior.mode(3));
        // The largest maximum-likelihood length scale (about 10) is pulled toward the mode by either prior ...
        assertTrue(Math.abs(lengthsOnly[2] - mode) < 1.0, "length scale 2: " + Math.exp(lengthsOnly[2]));
        // ... and without the noise prior the noise stays far below the noise prior's mode e^-5.
        assertTrue(lengthsOnly[4] < both[4] - 2.0, "noise: length-scale prior alone " + Math.exp(lengthsOnly[4])
                + ", both priors " + Math.exp(both[4]));
    }

    /** @return theta of the fit of the five points, for the prior */
    private static double[] fitted(HyperparameterPrior prior) {
        GaussianProcess process = new MarginalLikelihoodFit(4, 200, prior).fit(POINTS, OUTPUTS, null,
                new SplittableRandom(7));
        double[] lengths = process.kernel().lengthScales();
        return new double[] {Math.log(lengths[0]), Math.log(lengths[1]), Math.log(lengths[2]),
            Math.log(process.kernel().signalVariance()), Math.log(process.noise())};
    }
}
