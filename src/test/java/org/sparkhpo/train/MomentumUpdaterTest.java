package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked steps. theta = [w1, w2, b] = [1, 2, 0.5]; first step with g0 = [0.2, 0.4, -0.2], then the
 * step under test with g = [0.1, -0.2, 0.3]; eta = 0.5, beta = 0.9.
 */
class MomentumUpdaterTest {
    private static final double TOLERANCE = 1e-12;
    private static final double ETA = 0.5;
    private static final double[] FIRST_GRADIENT = {0.2, 0.4, -0.2};
    private static final double[] GRADIENT = {0.1, -0.2, 0.3};

    private static MomentumUpdater updater(double momentum, boolean nesterov, double l2, double l1) {
        HyperParameters hp = new HyperParameters(ETA, momentum, nesterov, 1, 1, l2, l1, "constant", 0.5, 1);
        return new MomentumUpdater(hp, 2, 3);
    }

    /**
     * v1 = -0.5 g0 = [-0.1, -0.2, 0.1]; theta1 = [0.9, 1.8, 0.6].
     * v2 = 0.9 v1 - 0.5 g = [-0.09 - 0.05, -0.18 + 0.1, 0.09 - 0.15] = [-0.14, -0.08, -0.06];
     * theta2 = theta1 + v2 = [0.76, 1.72, 0.54].
     */
    @Test
    void heavyBallStep() {
        MomentumUpdater updater = updater(0.9, false, 0, 0);
        double[] theta = {1, 2, 0.5};
        updater.step(theta, FIRST_GRADIENT, ETA);
        assertArrayEquals(new double[] {0.9, 1.8, 0.6}, theta, TOLERANCE);
        updater.step(theta, GRADIENT, ETA);
        assertArrayEquals(new double[] {-0.14, -0.08, -0.06}, updater.velocity(), TOLERANCE);
        assertArrayEquals(new double[] {0.76, 1.72, 0.54}, theta, TOLERANCE);
    }

    /**
     * Look-ahead form phi += beta v_new - eta g. Step 1: v1 = [-0.1, -0.2, 0.1],
     * phi1 = [1, 2, 0.5] + [-0.09 - 0.1, -0.18 - 0.2, 0.09 + 0.1] = [0.81, 1.62, 0.69].
     * Step 2: v2 = [-0.14, -0.08, -0.06], phi2 = phi1 + [-0.126 - 0.05, -0.072 + 0.1, -0.054 - 0.15]
     * = [0.634, 1.648, 0.486].
     */
    @Test
    void nesterovStep() {
        MomentumUpdater updater = updater(0.9, true, 0, 0);
        double[] phi = {1, 2, 0.5};
        updater.step(phi, FIRST_GRADIENT, ETA);
        assertArrayEquals(new double[] {0.81, 1.62, 0.69}, phi, TOLERANCE);
        updater.step(phi, GRADIENT, ETA);
        assertArrayEquals(new double[] {-0.14, -0.08, -0.06}, updater.velocity(), TOLERANCE);
        assertArrayEquals(new double[] {0.634, 1.648, 0.486}, phi, TOLERANCE);
    }

    /**
     * l2 = 0.1 on the weights only: g + l2 w = [0.1 + 0.1, -0.2 + 0.2, 0.3] = [0.2, 0, 0.3] (the bias gradient
     * stays 0.3); v = -0.5 [0.2, 0, 0.3] = [-0.1, 0, -0.15]; theta = [0.9, 2, 0.35].
     */
    @Test
    void l2PenalizesTheWeightsButNotTheBias() {
        MomentumUpdater updater = updater(0.9, false, 0.1, 0);
        double[] theta = {1, 2, 0.5};
        updater.step(theta, GRADIENT, ETA);
        assertArrayEquals(new double[] {-0.1, 0, -0.15}, updater.velocity(), TOLERANCE);
        assertArrayEquals(new double[] {0.9, 2.0, 0.35}, theta, TOLERANCE);
    }

    /**
     * l1 = 0.4, threshold eta l1 = 0.2. theta = [1, -0.05, 0.5] and g = [0.1, -0.2, 0.3]: the plain step gives
     * [0.95, 0.05, 0.35]; shrinking the weights by 0.2 gives [0.75, 0 (clipped at zero), 0.35 (bias untouched)].
     */
    @Test
    void l1ShrinksTheWeightsButNotTheBias() {
        MomentumUpdater updater = updater(0.9, false, 0, 0.4);
        double[] theta = {1, -0.05, 0.5};
        updater.step(theta, GRADIENT, ETA);
        assertArrayEquals(new double[] {0.75, 0.0, 0.35}, theta, TOLERANCE);
    }

    /** A negative weight moves toward zero: -1 - 0.5 * 0.2 = -1.1, shrunk by 0.2 to -0.9. */
    @Test
    void l1ShrinksNegativeWeightsTowardZero() {
        MomentumUpdater updater = updater(0, false, 0, 0.4);
        double[] theta = {-1, 3, 0};
        updater.step(theta, new double[] {0.2, 0, 0}, ETA);
        assertArrayEquals(new double[] {-0.9, 2.8, 0}, theta, TOLERANCE);
    }

    /**
     * The cumulative penalty (Tsuruoka et al. 2009), eta l1 = 0.2 per step, no momentum. Step 1: w = 0.1 + 0.5
     * = 0.6 is clipped by u + q = 0.2 to 0.4 (q = -0.2). Step 2 (gradient -0.2, w = 0.4 + 0.1 = 0.5, u = 0.4):
     * clipped by u + q = 0.2 to 0.3, so q = -0.4, the whole u. A weight that a proximal step zeroed and noise
     * pushed out again is clipped by what it still owes: step 1 zeroes w = 0.1 (q = -0.1 of u = 0.2), step 2's
     * kick to 0.15 is clipped by u + q = 0.3 back to 0, where the plain proximal step would keep 0.15 - 0.2 &lt; 0,
     * also 0, but step 3's kick to 0.35 would survive the plain step as 0.15 and is clipped here by
     * u + q = 0.6 - 0.25 = 0.35 to 0.
     */
    @Test
    void theCumulativeL1PenaltyClipsByWhatTheWeightStillOwes() {
        MomentumUpdater updater = updater(0, false, 0, 0.4);
        double[] theta = {0.1, 0.1, 0};
        updater.step(theta, new double[] {-1.0, 0, 0}, ETA);
        assertArrayEquals(new double[] {0.4, 0.0, 0}, theta, TOLERANCE);
        assertArrayEquals(new double[] {-0.2, -0.1}, updater.l1Applied(), TOLERANCE);
        updater.step(theta, new double[] {-0.2, -0.3, 0}, ETA);
        assertArrayEquals(new double[] {0.3, 0.0, 0}, theta, TOLERANCE);
        assertEquals(0.4, updater.l1Total(), TOLERANCE);
        updater.step(theta, new double[] {0, -0.7, 0}, ETA);
        assertArrayEquals(new double[] {0.1, 0.0, 0}, theta, TOLERANCE);
    }

    @Test
    void theL1StateRestoresExactly() {
        MomentumUpdater first = updater(0.9, false, 0, 0.4);
        double[] theta = {0.3, -0.2, 0.1};
        first.step(theta, new double[] {0.1, -0.4, 0.2}, ETA);
        MomentumUpdater resumed = updater(0.9, false, 0, 0.4);
        System.arraycopy(first.velocity(), 0, resumed.velocity(), 0, 3);
        resumed.restoreL1(first.l1Total(), first.l1Applied().clone());
        double[] copy = theta.clone();
        first.step(theta, new double[] {-0.3, 0.2, 0.1}, ETA);
        resumed.step(copy, new double[] {-0.3, 0.2, 0.1}, ETA);
        assertArrayEquals(theta, copy, 0.0);
    }
}
