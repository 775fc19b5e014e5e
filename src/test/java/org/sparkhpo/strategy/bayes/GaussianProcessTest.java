package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The posterior and the likelihood against the closed forms of a two-point, one-dimensional case. */
class GaussianProcessTest {
    private static final double SQRT5 = Math.sqrt(5.0);

    /** Matérn 5/2 with l = 1, s^2 = 1 at distance r, written out by hand. */
    private static double matern(double r) {
        return (1 + SQRT5 * r + 5 * r * r / 3) * Math.exp(-SQRT5 * r);
    }

    @Test
    void posteriorMeanAndVarianceMatchTheTwoPointClosedForm() {
        // X = {0, 1}, y = {1, 2}, no noise. K = [[1, c], [c, 1]], K^-1 = [[1, -c], [-c, 1]] / (1 - c^2).
        double c = matern(1.0);
        double a = matern(0.5);
        GaussianProcess gp = new GaussianProcess(new double[][] {{0.0}, {1.0}}, new double[] {1.0, 2.0},
                new MaternKernel(new double[] {1.0}, 1.0), 0.0);
        double alpha0 = (1 - 2 * c) / (1 - c * c);
        double alpha1 = (2 - c) / (1 - c * c);
        double[] midpoint = gp.predict(new double[] {0.5});
        assertEquals(a * (alpha0 + alpha1), midpoint[0], 1e-12);
        assertEquals(1 - 2 * a * a / (1 + c), midpoint[1], 1e-12);
        double[] atData = gp.predict(new double[] {1.0});
        assertEquals(2.0, atData[0], 1e-10);
        assertTrue(atData[1] < 1e-10, "variance at an observed point without noise: " + atData[1]);
        double quadratic = 1.0 * alpha0 + 2.0 * alpha1;
        double expected = -0.5 * quadratic - 0.5 * Math.log(1 - c * c) - Math.log(2 * Math.PI);
        assertEquals(expected, gp.logMarginalLikelihood(), 1e-12);
    }

    @Test
    void noiseAndSignalVarianceEnterAsTheClosedFormSays() {
        // One point: mean = s^2 k / (s^2 + noise) * y at distance r; variance = s^2 - (s^2 k)^2 / (s^2 + noise).
        double s2 = 2.0;
        double noise = 0.5;
        GaussianProcess gp = new GaussianProcess(new double[][] {{0.2, 0.2}}, new double[] {3.0},
                new MaternKernel(new double[] {0.5, 2.0}, s2), noise);
        double r = Math.sqrt(Math.pow(0.3 / 0.5, 2) + Math.pow(0.1 / 2.0, 2));
        double k = s2 * matern(r);
        double[] posterior = gp.predict(new double[] {0.5, 0.3});
        assertEquals(k / (s2 + noise) * 3.0, posterior[0], 1e-12);
        assertEquals(s2 - k * k / (s2 + noise), posterior[1], 1e-12);
    }

    @Test
    void thePlugInIncumbentIsTheSmallestPosteriorMeanAtTheData() {
        // Without noise the posterior mean interpolates: the incumbent is the smallest observation.
        GaussianProcess exact = new GaussianProcess(new double[][] {{0.0}, {1.0}}, new double[] {1.0, -2.0},
                new MaternKernel(new double[] {1.0}, 1.0), 0.0);
        assertEquals(-2.0, KrigingBeliever.plugInIncumbent(exact, java.util.List.of(new double[] {0.0},
                new double[] {1.0})), 1e-10);
        // With noise, one point: the mean there is s^2 / (s^2 + noise) y, above the observed -3.
        GaussianProcess noisy = new GaussianProcess(new double[][] {{0.4}}, new double[] {-3.0},
                new MaternKernel(new double[] {1.0}, 2.0), 0.5);
        assertEquals(2.0 / 2.5 * -3.0, KrigingBeliever.plugInIncumbent(noisy, java.util.List.of(
                new double[] {0.4})), 1e-12);
    }

    @Test
    void theLikelihoodFitFindsALongLengthScaleForASmoothFunctionAndAShortOneForAWigglyOne() {
        double[][] x = new double[20][1];
        double[] smooth = new double[20];
        double[] wiggly = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = i / 19.0;
            smooth[i] = x[i][0];
            wiggly[i] = Math.sin(40 * x[i][0]);
        }
        MarginalLikelihoodFit fit = new MarginalLikelihoodFit(3, 100, LengthScalePrior.NONE);
        double longScale = fit.fit(x, KrigingBeliever.standardize(smooth), null, new SplittableRandom(1))
                .kernel().lengthScales()[0];
        double shortScale = fit.fit(x, KrigingBeliever.standardize(wiggly), null, new SplittableRandom(1))
                .kernel().lengthScales()[0];
        assertTrue(longScale > 5 * shortScale, "smooth " + longScale + ", wiggly " + shortScale);
    }
}
