package org.sparkhpo.strategy.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The univariate Parzen estimator's bandwidths and density against hand-computed cases. */
class UnivariateParzenEstimatorTest {
    @Test
    void eachBandwidthIsTheDistanceToTheFartherNeighbourInnerEndsIgnoringTheDomain() {
        // Centres sorted: 0.05, 0.5 (prior), 0.6, 0.85; the clip is 1 / min(100, 4 + 1) = 0.2.
        // 0.05 (first): its right gap 0.45 (the gap 0.05 to the domain's end is ignored);
        // 0.6: max(0.1, 0.25) = 0.25; 0.85 (last): its left gap 0.25; the prior: 1.
        UnivariateParzenEstimator estimator = new UnivariateParzenEstimator(new double[] {0.6, 0.05, 0.85}, 1.0);
        assertArrayEquals(new double[] {0.25, 0.45, 0.25, 1.0}, estimator.bandwidths(), 1e-12);
        // Centres sorted: 0.0, 0.5 (prior), 0.6: the last's left gap 0.1 is clipped up to 1 / min(100, 3 + 1) =
        // 0.25; with the domain's end counted it would have been 0.4.
        assertArrayEquals(new double[] {0.5, 0.25, 1.0},
                new UnivariateParzenEstimator(new double[] {0.0, 0.6}, 1.0).bandwidths(), 1e-12);
    }

    @Test
    void theDensityIsTheWeightedMixtureOfTruncatedNormalsAndIntegratesToOne() {
        UnivariateParzenEstimator estimator = new UnivariateParzenEstimator(new double[] {0.6, 0.05, 0.85}, 2.0);
        double[] centres = {0.6, 0.05, 0.85, 0.5};
        double[] bandwidths = {0.25, 0.45, 0.25, 1.0};
        double[] weights = {1.0 / 5, 1.0 / 5, 1.0 / 5, 2.0 / 5};
        double x = 0.7;
        double expected = 0.0;
        for (int k = 0; k < 4; k++) {
            NormalDistribution normal = new NormalDistribution(centres[k], bandwidths[k]);
            double mass = normal.cumulativeProbability(1) - normal.cumulativeProbability(0);
            expected += weights[k] * normal.density(x) / mass;
        }
        assertEquals(Math.log(expected), estimator.logDensity(new double[] {x}), 1e-12);
        double integral = 0.0;
        for (int i = 0; i < 10000; i++) {
            integral += Math.exp(estimator.logDensity(new double[] {(i + 0.5) / 10000})) / 10000;
        }
        assertEquals(1.0, integral, 1e-4);
    }

    @Test
    void samplesStayInTheUnitIntervalAndFollowTheMixture() {
        UnivariateParzenEstimator estimator = new UnivariateParzenEstimator(new double[] {0.1, 0.12, 0.14}, 0.5);
        double[] centres = {0.1, 0.12, 0.14, 0.5};
        // Sorted with the prior: 0.1 and 0.12 clipped up to 1 / 5, 0.14's farther neighbour is the prior, 0.36.
        double[] bandwidths = {0.2, 0.2, 0.36, 1.0};
        assertArrayEquals(bandwidths, estimator.bandwidths(), 1e-12);
        double below = 0.0;
        for (int k = 0; k < 4; k++) {
            NormalDistribution normal = new NormalDistribution(centres[k], bandwidths[k]);
            double mass = normal.cumulativeProbability(1) - normal.cumulativeProbability(0);
            below += (k < 3 ? 1.0 : 0.5) / 3.5 * (normal.cumulativeProbability(0.5) - normal.cumulativeProbability(0))
                    / mass;
        }
        SplittableRandom random = new SplittableRandom(3);
        int near = 0;
        for (int i = 0; i < 4000; i++) {
            double u = estimator.sample(random)[0];
            assertTrue(u >= 0 && u <= 1, "sample " + u);
            near += u < 0.5 ? 1 : 0;
        }
        // Four standard deviations of a binomial fraction of 4000 draws: at most 4 sqrt(1 / 16000) = 0.032.
        assertEquals(below, near / 4000.0, 0.032);
    }
}
