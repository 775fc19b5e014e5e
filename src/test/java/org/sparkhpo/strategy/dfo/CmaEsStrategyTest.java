package org.sparkhpo.strategy.dfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.strategy.Proposal;

/**
 * CMA-ES driven by a plain ask/tell loop on the known-optimum functions (seed 42, centre start, sigma 0.25,
 * round sizes 1 / 2 / 8, so lambda 6, 6, 8 in 2-d and 7, 7, 8 in 3-d), with budgets a few times what the
 * active update with resampling needs.
 */
class CmaEsStrategyTest {
    private static final DfoOptions PRECISE = new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-9, 0);

    private static CmaEsStrategy strategy(int dimension, int roundSize, DfoOptions options, long seed) {
        return new CmaEsStrategy(AskTellLoop.space(dimension), AskTellLoop.MINIMIZE, options, roundSize, null, seed);
    }

    private static AskTellLoop run(KnownFunction function, int dimension, int roundSize, int budget) {
        return new AskTellLoop(AskTellLoop.space(dimension)).run(strategy(dimension, roundSize, PRECISE, 42),
                roundSize, budget, function);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void sphereIn3dReaches1e6Within600Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.SPHERE, 3, roundSize, 600);
        loop.assertReaches(1e-6, 600);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void rosenbrockIn2dReaches1e6Within1200Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.ROSENBROCK, 2, roundSize, 1200);
        loop.assertReaches(1e-6, 1200);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void braninReachesItsMinimumWithin1e5In400Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.BRANIN, 2, roundSize, 400);
        loop.assertReaches(KnownFunction.BRANIN.minimum() + 1e-5, 400);
    }

    @Test
    void thePopulationIsTheRoundSizeOrHansensDefaultWhicheverIsLarger() {
        assertEquals(6, strategy(2, 1, PRECISE, 1).lambda());
        assertEquals(8, strategy(2, 8, PRECISE, 1).lambda());
        assertEquals(8, strategy(4, 2, PRECISE, 1).lambda());
        assertEquals(3, strategy(2, 8, new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-9, 3), 1).lambda());
        // A generation of 6 spread over rounds of 4: 4, 2, 4, 2, ...
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 4, PRECISE, 1), 4, 12,
                KnownFunction.SPHERE);
        assertEquals(6, strategy(2, 4, PRECISE, 1).lambda());
        assertEquals(List.of(4, 2, 4, 2), loop.roundSizes);
    }

    @Test
    void hansensDefaultWeightsSumToOneAndDecrease() {
        CmaEsParameters p = CmaEsParameters.of(10, CmaEsParameters.defaultLambda(10));
        assertEquals(10, p.lambda());
        assertEquals(5, p.mu());
        double sum = 0;
        for (int i = 0; i < p.mu(); i++) {
            sum += p.weights()[i];
            assertTrue(i == 0 || p.weights()[i] < p.weights()[i - 1]);
        }
        assertEquals(1.0, sum, 1e-12);
        double negative = 0;
        for (int i = p.mu(); i < p.lambda(); i++) {
            assertTrue(p.weights()[i] <= 0 && (i == p.mu() || p.weights()[i] < p.weights()[i - 1]));
            negative += p.weights()[i];
        }
        // Active CMA: the negative weights sum to -min(1 + c1 / cmu, 1 + 2 mu_eff^- / (mu_eff + 2),
        // (1 - c1 - cmu) / (n cmu)), here the first bound (1.758 against 2.544 and 4.786).
        assertEquals(-(1 + p.c1() / p.cMu()), negative, 1e-12);
        // Tutorial figures for n = 10, lambda = 10: mu_eff = 3.17 (to two decimals).
        assertEquals(3.17, p.muEff(), 0.01);
        assertEquals(Math.sqrt(10) * (1 - 1 / 40.0 + 1 / 2100.0), p.chiN(), 1e-12);
    }

    @Test
    void samplesAreResampledIntoTheCubeAndSigmaCollapseRestarts() {
        CmaEsStrategy strategy = new CmaEsStrategy(AskTellLoop.space(2), AskTellLoop.MINIMIZE,
                new DfoOptions(0, DesignKind.HALTON, 1.0, 1e-3, 0), 6, null, 5);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 6, 600, KnownFunction.SPHERE);
        for (Proposal proposal : loop.proposals) {
            for (double u : loop.unit(proposal.configuration())) {
                assertTrue(u >= 0.0 && u <= 1.0, "u " + u);
            }
        }
        assertTrue(strategy.restarts() >= 1, "restarts " + strategy.restarts());
        assertTrue(loop.proposals.stream().anyMatch(p -> p.phase().equals("restart")));
    }

    @Test
    void failedTrialsAreToldAsWorstAndTheSearchGoesOn() {
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 8, PRECISE, 42), 8, 600,
                u -> u[0] > 0.45 ? Double.NaN : KnownFunction.SPHERE.valueAtUnit(u));
        assertTrue(loop.values.stream().anyMatch(v -> v.isNaN()));
        assertTrue(loop.best() < 1e-6, "best " + loop.best());
    }

    @Test
    void theSameSeedGivesTheSameProposalsAndAnotherSeedOthers() {
        List<Proposal> first = run(KnownFunction.BRANIN, 2, 4, 40).proposals;
        List<Proposal> second = run(KnownFunction.BRANIN, 2, 4, 40).proposals;
        List<Proposal> other = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 4, PRECISE, 43), 4, 40,
                KnownFunction.BRANIN).proposals;
        assertEquals(first, second);
        assertTrue(!first.get(0).equals(other.get(0)));
    }
}
