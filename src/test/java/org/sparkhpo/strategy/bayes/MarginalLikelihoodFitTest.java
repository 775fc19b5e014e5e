package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hyperparameter fit: maximum likelihood, and maximum a posteriori under the dimension-scaled prior. */
class MarginalLikelihoodFitTest {
    private static final double[][] POINTS = {{0.1, 0.8, 0.3}, {0.5, 0.2, 0.9}, {0.9, 0.6, 0.1},
        {0.3, 0.4, 0.6}, {0.7, 0.9, 0.5}};
    private static final double[] OUTPUTS = KrigingBeliever.standardize(new double[] {0.3, -1.2, 0.8, 0.1, 2.0});

    /** log of the LogNormal(mu, sigma) density at x, written out by hand. */
    private static double logNormalDensity(double x, double mu, double sigma) {
        double z = (Math.log(x) - mu) / sigma;
        return -Math.log(x) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
    }

    @Test
    void theMaximumAPosterioriObjectiveIsTheLogMarginalLikelihoodPlusTheHandComputedLogPrior() {
        double[] lengths = {0.3, 1.7, 12.0};
        double mu = Math.sqrt(2) + Math.log(3) / 2;
        double logPrior = 0.0;
        for (double length : lengths) {
            logPrior += logNormalDensity(length, mu, Math.sqrt(3));
        }
        assertTrue(Math.abs(logPrior) > 1.0, "the prior term is not negligible: " + logPrior);
        MarginalLikelihoodFit map = new MarginalLikelihoodFit(1, 10, LengthScalePrior.DIMENSION_SCALED);
        MarginalLikelihoodFit ml = new MarginalLikelihoodFit(1, 10, LengthScalePrior.NONE);
        for (double noise : new double[] {1e-4, 0.02}) {
            // The signal variance and the noise keep no prior: the prior term is the same for both noises.
            double[] theta = {Math.log(lengths[0]), Math.log(lengths[1]), Math.log(lengths[2]), Math.log(1.4),
                Math.log(noise)};
            double logLikelihood = MarginalLikelihoodFit.build(POINTS, OUTPUTS, theta).logMarginalLikelihood();
            assertEquals(logLikelihood + logPrior, map.objective(POINTS, OUTPUTS, theta), 1e-10);
            assertEquals(logLikelihood, ml.objective(POINTS, OUTPUTS, theta), 1e-12);
        }
    }

    @Test
    void thePriorsModeIsItsDocumentedLengthScale() {
        // exp(sqrt(2) + log(d)/2 - 3) = e^(sqrt(2) - 3) sqrt(d): 0.50 for d = 6
        assertEquals(Math.exp(Math.sqrt(2) - 3) * Math.sqrt(6), LengthScalePrior.mode(6), 1e-12);
        assertEquals(0.502, LengthScalePrior.mode(6), 1e-3);
    }

    @Test
    void withFewPointsThePriorPullsTheFittedLengthScalesTowardItsMode() {
        double[] ml = fitted(LengthScalePrior.NONE);
        double[] map = fitted(LengthScalePrior.DIMENSION_SCALED);
        double mode = Math.log(LengthScalePrior.mode(3));
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(map[i] - mode) <= Math.abs(ml[i] - mode), "length scale " + i + ": maximum"
                    + " likelihood " + Math.exp(ml[i]) + ", a posteriori " + Math.exp(map[i]));
        }
        // The length scale the five points leave long (about 10 by maximum likelihood) comes close to the mode.
        assertTrue(ml[2] - mode > 2.0 && Math.abs(map[2] - mode) < 1.0, "length scale 2: maximum likelihood "
                + Math.exp(ml[2]) + ", a posteriori " + Math.exp(map[2]));
    }

    /** @return theta of the fit of the five points, for the prior */
    private static double[] fitted(LengthScalePrior prior) {
        GaussianProcess process = new MarginalLikelihoodFit(4, 200, prior).fit(POINTS, OUTPUTS, null,
                new SplittableRandom(7));
        double[] lengths = process.kernel().lengthScales();
        return new double[] {Math.log(lengths[0]), Math.log(lengths[1]), Math.log(lengths[2]),
            Math.log(process.kernel().signalVariance()), Math.log(process.noise())};
    }
}
