package org.sparkhpo.strategy.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.train.LossType;

/**
 * Theory estimates on data with known eigenvalues, and the heavy-ball and Nesterov formulas. The data: n rows
 * whose columns are independent signs (+1/-1, so mean 0 and variance 1 up to sampling) scaled by s_j; with the
 * bias column, X~^T X~ / n is close to diag(s_1^2, ..., s_d^2, 1). Exactly orthogonal columns make it exact.
 */
class TheoryStrategyTest {
    /** 4 rows, columns from a Hadamard matrix (orthogonal, orthogonal to the ones column), scaled by 3 and 0.5. */
    private static LabeledData hadamard() {
        double[] values = {
            3, 0.5, 0,
            -3, 0.5, 0,
            3, -0.5, 0,
            -3, -0.5, 0};
        return new LabeledData(new DenseFeatures(values, 4, 3), new double[] {0, 1, 0, 1});
    }

    @Test
    void theLargestAndSmallestEigenvaluesOfAKnownGramMatrixAreFound() {
        // X~^T X~ / n = diag(9, 0.25, 0, 1): lambda_max 9, lambda_min 0 (the zero column).
        SmoothnessEstimate softmax = SmoothnessEstimator.estimate(hadamard(), LossType.SOFTMAX, 1e-2, 1);
        assertEquals(9.0, softmax.lambdaMax(), 1e-5);
        assertEquals(0.5 * 9.0 + 1e-2, softmax.smoothness(), 1e-5);
        assertEquals(1e-2, softmax.strongConvexity(), 0.0);
        assertEquals(softmax.smoothness() / 1e-2, softmax.kappa(), 1e-9);
        SmoothnessEstimate squares = SmoothnessEstimator.estimate(hadamard(), LossType.LEAST_SQUARES, 1e-2, 1);
        assertEquals(9.0 + 1e-2, squares.smoothness(), 1e-5);
        // The shifted matrix's top eigenvalues 9 and 8.75 are close, so power iteration converges slowly.
        assertEquals(0.0, squares.lambdaMin(), 1e-4);
        assertEquals(1e-2, squares.strongConvexity(), 1e-4);
    }

    @Test
    void leastSquaresUsesTheSmallestEigenvalueAsStrongConvexity() {
        // Drop the zero column: diag(9, 0.25, 1), lambda_min 0.25.
        double[] values = {3, 0.5, -3, 0.5, 3, -0.5, -3, -0.5};
        LabeledData data = new LabeledData(new DenseFeatures(values, 4, 2), new double[4]);
        SmoothnessEstimate estimate = SmoothnessEstimator.estimate(data, LossType.LEAST_SQUARES, 0.0, 3);
        assertEquals(0.25, estimate.lambdaMin(), 1e-4);
        assertEquals(0.25, estimate.strongConvexity(), 1e-4);
        assertEquals(36.0, estimate.kappa(), 0.02);
    }

    @Test
    void curvatureBoundsFollowTheLoss() {
        assertEquals(0.25, SmoothnessEstimator.curvature(LossType.LOGISTIC));
        assertEquals(0.25, SmoothnessEstimator.curvature(LossType.HINGE));
        assertEquals(0.5, SmoothnessEstimator.curvature(LossType.SOFTMAX));
        assertEquals(1.0, SmoothnessEstimator.curvature(LossType.LEAST_SQUARES));
    }

    @Test
    void sparseAndDenseRandomScaledFeaturesGiveTheSameEstimateNearTheScale() {
        int rows = 4000;
        double[] values = new double[rows * 2];
        SplittableRandom random = new SplittableRandom(5);
        for (int r = 0; r < rows; r++) {
            values[2 * r] = (random.nextBoolean() ? 1 : -1) * 4.0;
            values[2 * r + 1] = random.nextBoolean() ? 1 : -1;
        }
        DenseFeatures dense = new DenseFeatures(values, rows, 2);
        int[] rowStart = new int[rows + 1];
        int[] columns = new int[rows * 2];
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] = 2 * (r + 1);
            columns[2 * r + 1] = 1;
        }
        SparseFeatures sparse = new SparseFeatures(rowStart, columns, values.clone(), 2);
        double fromDense = SmoothnessEstimator.estimate(new LabeledData(dense, new double[rows]),
                LossType.LOGISTIC, 0, 1).lambdaMax();
        double fromSparse = SmoothnessEstimator.estimate(new LabeledData(sparse, new double[rows]),
                LossType.LOGISTIC, 0, 1).lambdaMax();
        assertEquals(fromDense, fromSparse, 1e-9);
        assertEquals(16.0, fromDense, 0.5);
    }

    @Test
    void heavyBallAndNesterovFormulas() {
        // L = 100, mu = 1: kappa 100, sqrt 10.
        MomentumFormulas.StepAndMomentum heavy = MomentumFormulas.heavyBall(100, 1);
        assertEquals(4.0 / 121.0, heavy.alpha(), 1e-15);
        assertEquals((9.0 / 11.0) * (9.0 / 11.0), heavy.beta(), 1e-15);
        MomentumFormulas.StepAndMomentum nesterov = MomentumFormulas.nesterov(100, 1);
        assertEquals(0.01, nesterov.alpha(), 1e-15);
        assertEquals(9.0 / 11.0, nesterov.beta(), 1e-15);
        // kappa = 1: no momentum, heavy-ball step 1 / L.
        assertEquals(0.0, MomentumFormulas.heavyBall(4, 4).beta(), 0.0);
        assertEquals(0.25, MomentumFormulas.heavyBall(4, 4).alpha(), 1e-15);
    }

    @Test
    void withoutL2TheConditionNumberIsCappedSoMomentumStaysBelowOne() {
        SmoothnessEstimate estimate = SmoothnessEstimator.estimate(hadamard(), LossType.LOGISTIC, 0.0, 1);
        assertEquals(MomentumFormulas.MAX_KAPPA, estimate.kappa(), 1e-3);
        TheoryStrategy strategy = new TheoryStrategy(estimate, 10);
        for (Proposal proposal : strategy.ask(10)) {
            double momentum = (Double) proposal.configuration().get("momentum");
            assertTrue(momentum < 1.0 && momentum > 0.99, "momentum " + momentum);
        }
    }

    @Test
    void theStrategyProposesHeavyBallThenNesterovAndReportsTheEstimates() {
        SmoothnessEstimate estimate = new SmoothnessEstimate(0.5, 8.0, Double.NaN, 0.0, 4.0, 0.04);
        TheoryStrategy strategy = new TheoryStrategy(estimate, 100);
        List<Proposal> round = strategy.ask(1);
        assertEquals("heavy-ball", round.get(0).phase());
        assertEquals(Boolean.FALSE, round.get(0).configuration().get("nesterov"));
        assertEquals(4.0 / Math.pow(2.0 + 0.2, 2), (Double) round.get(0).configuration().get("learning-rate"), 1e-12);
        List<Proposal> next = strategy.ask(5);
        assertEquals(1, next.size());
        assertEquals("nesterov", next.get(0).phase());
        assertEquals(0.25, (Double) next.get(0).configuration().get("learning-rate"), 1e-12);
        assertEquals(9.0 / 11.0, (Double) next.get(0).configuration().get("momentum"), 1e-12);
        assertTrue(strategy.isFinished());
        assertEquals(4.0, strategy.report().get("theory_L"));
        assertEquals(0.04, strategy.report().get("theory_mu"));
        assertEquals(100.0, (Double) strategy.report().get("theory_kappa"), 1e-9);
        assertEquals(1, new TheoryStrategy(estimate, 1).ask(5).size());
    }
}
