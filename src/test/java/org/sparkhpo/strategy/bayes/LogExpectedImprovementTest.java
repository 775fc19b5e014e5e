package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** log-EI against the closed form of EI where both are finite, and its behaviour where EI underflows. */
class LogExpectedImprovementTest {
    @Test
    void matchesTheLogOfTheClosedFormWhereEiIsRepresentable() {
        for (double z = -25.0; z <= 6.0; z += 0.125) {
            double sd = 0.7;
            double mean = 1.0 - z * sd;
            double closed = LogExpectedImprovement.closedForm(mean, sd, 1.0);
            if (closed > 1e-280) {
                assertEquals(Math.log(closed), LogExpectedImprovement.of(mean, sd, 1.0),
                        1e-9 * Math.max(1.0, Math.abs(Math.log(closed))), "z = " + z);
            }
        }
    }

    @Test
    void staysFiniteAndDecreasingWhereEiUnderflowsToZero() {
        assertEquals(0.0, LogExpectedImprovement.closedForm(50.0, 1.0, 0.0));
        double previous = Double.POSITIVE_INFINITY;
        for (double z = -40.0; z >= -1e9; z *= 2) {
            double logEi = LogExpectedImprovement.of(-z, 1.0, 0.0);
            assertTrue(Double.isFinite(logEi) && logEi < previous, "z = " + z + ": " + logEi);
            previous = logEi;
        }
    }

    @Test
    void theBranchesJoinContinuously() {
        for (double z : new double[] {-1.0, -1.0 / Math.sqrt(Math.ulp(1.0))}) {
            double left = LogExpectedImprovement.logH(z * (1 + 1e-9));
            double right = LogExpectedImprovement.logH(z * (1 - 1e-9));
            assertEquals(left, right, 1e-6 * Math.abs(left), "z = " + z);
        }
    }

    @Test
    void theScaledErfcMatchesItsDefinitionAcrossTheSwitch() {
        for (double x : new double[] {0.0, 0.5, 2.0, 3.99, 4.0, 4.5, 6.0, 9.0}) {
            double direct = Math.exp(x * x) * Erf.erfc(x);
            assertEquals(direct, ScaledErfc.of(x), 1e-9 * direct, "x = " + x);
        }
        // Asymptotically erfcx(x) ~ 1 / (x sqrt(pi)) (1 - 1 / (2 x^2)).
        double x = 1e4;
        assertEquals(1 / (x * Math.sqrt(Math.PI)) * (1 - 0.5 / (x * x)), ScaledErfc.of(x), 1e-15);
    }
}
