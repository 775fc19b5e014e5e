package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Yeo–Johnson output warping: the map against hand-computed values, the fitted exponent, the order. */
class YeoJohnsonWarpingTest {
    @Test
    void theMapMatchesTheFormulaOnBothSidesAndIsTheIdentityAtLambdaOne() {
        assertEquals(Math.sqrt(2) - 1, YeoJohnsonWarping.transform(1.0, 0.5) * 0.5, 1e-12);
        assertEquals(-(Math.pow(2, 1.5) - 1) / 1.5, YeoJohnsonWarping.transform(-1.0, 0.5), 1e-12);
        assertEquals(Math.log(4), YeoJohnsonWarping.transform(3.0, 0.0), 1e-12);
        assertEquals(-Math.log(4), YeoJohnsonWarping.transform(-3.0, 2.0), 1e-12);
        for (double y : new double[] {-2.5, -0.3, 0.0, 0.7, 4.0}) {
            assertEquals(y, YeoJohnsonWarping.transform(y, 1.0), 1e-12);
        }
    }

    @Test
    void aHeavyUpperTailIsCompressedAndTheOrderKept() {
        // Rosenbrock-like values: most small, a few huge. Standardized, then warped.
        double[] values = {0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 40.0, 300.0, 2500.0};
        double[] standardized = KrigingBeliever.standardize(values);
        double lambda = YeoJohnsonWarping.fittedLambda(standardized);
        assertTrue(lambda < 0.5, "a heavy upper tail wants lambda < 1, got " + lambda);
        assertTrue(YeoJohnsonWarping.logLikelihood(standardized, lambda)
                > YeoJohnsonWarping.logLikelihood(standardized, 1.0), "the fit beats the identity");
        double[] warped = YeoJohnsonWarping.warp(standardized);
        for (int i = 1; i < warped.length; i++) {
            assertTrue(warped[i] > warped[i - 1], "order kept at " + i);
        }
        double mean = 0;
        for (double w : warped) {
            mean += w / warped.length;
        }
        assertEquals(0.0, mean, 1e-12);
        // The gap between the two best values is a larger share of the spread than before the warp.
        assertTrue(warped[1] - warped[0] > 3 * (standardized[1] - standardized[0]));
    }

    @Test
    void fewerThanThreeValuesAreLeftAsTheyAre() {
        assertArrayEquals(new double[] {-0.7, 0.7}, YeoJohnsonWarping.warp(new double[] {-0.7, 0.7}), 0.0);
    }
}
