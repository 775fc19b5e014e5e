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
 * Compass search driven by a plain ask/tell loop on the known-optimum functions. Complete polling makes the
 * path independent of the round size; measured (seed 42, centre start, step 0.25): sphere 3-d 291 evaluations
 * to 1e-6, Branin 77 to within 1e-4 of its minimum, Rosenbrock 2-d 954 to 0.1.
 */
class PatternSearchStrategyTest {
    private static final DfoOptions PRECISE = new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-7, 0);

    private static AskTellLoop run(KnownFunction function, int dimension, int roundSize, int budget) {
        PatternSearchStrategy strategy = new PatternSearchStrategy(AskTellLoop.space(dimension),
                AskTellLoop.MINIMIZE, PRECISE, null, 42);
        return new AskTellLoop(AskTellLoop.space(dimension)).run(strategy, roundSize, budget, function);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void sphereIn3dReaches1e6Within300Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.SPHERE, 3, roundSize, 300);
        loop.assertReaches(1e-6, 300);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void braninReachesItsMinimumWithin1e4In200Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.BRANIN, 2, roundSize, 200);
        loop.assertReaches(KnownFunction.BRANIN.minimum() + 1e-4, 200);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void rosenbrockIn2dReaches1e1Within1200Evaluations(int roundSize) {
        // Coordinate directions zig-zag down Rosenbrock's curved valley: 954 evaluations to 0.1, 4416 to 0.01.
        AskTellLoop loop = run(KnownFunction.ROSENBROCK, 2, roundSize, 1200);
        loop.assertReaches(0.1, 1200);
    }

    @Test
    void aPollIsAllTwoDPointsAtTheStepAndFailureHalvesTheStep() {
        PatternSearchStrategy strategy = new PatternSearchStrategy(AskTellLoop.space(2), AskTellLoop.MINIMIZE,
                PRECISE, new double[] {1.0 / 3.0, 1.0 / 3.0}, 42);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 8, 5, KnownFunction.SPHERE);
        assertEquals(List.of(1, 4), loop.roundSizes);
        assertEquals(List.of("start", "poll", "poll", "poll", "poll"),
                loop.proposals.stream().map(Proposal::phase).toList());
        double[] first = loop.unit(loop.proposals.get(1).configuration());
        assertEquals(1.0 / 3.0 + 0.25, first[0], 1e-12);
        // The start is the minimizer, so the poll fails and the step halves.
        assertEquals(0.125, strategy.step(), 1e-15);
    }

    @Test
    void itStopsWhenTheStepFallsBelowTheMinimum() {
        DfoOptions coarse = new DfoOptions(0, DesignKind.HALTON, 0.25, 0.01, 0);
        PatternSearchStrategy strategy = new PatternSearchStrategy(AskTellLoop.space(2), AskTellLoop.MINIMIZE,
                coarse, null, 42);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 4, 10_000, KnownFunction.SPHERE);
        assertTrue(strategy.isFinished());
        assertTrue(strategy.step() < 0.01 && strategy.step() >= 0.005, "step " + strategy.step());
        assertTrue(loop.proposals.size() < 200, "evaluations " + loop.proposals.size());
        assertTrue(strategy.ask(4).isEmpty());
    }

    @Test
    void pollPointsOutsideTheCubeAreNotProposed() {
        PatternSearchStrategy strategy = new PatternSearchStrategy(AskTellLoop.space(2), AskTellLoop.MINIMIZE,
                PRECISE, new double[] {0.0, 1.0}, 42);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 8, 3, KnownFunction.SPHERE);
        assertEquals(List.of(1, 2), loop.roundSizes);
    }

    @Test
    void failedTrialsAreToldAsWorst() {
        PatternSearchStrategy strategy = new PatternSearchStrategy(AskTellLoop.space(2), AskTellLoop.MINIMIZE,
                PRECISE, null, 42);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 4, 400,
                u -> u[1] < 0.4 ? Double.NaN : KnownFunction.SPHERE.valueAtUnit(u));
        assertTrue(loop.values.stream().anyMatch(v -> v.isNaN()));
        // The best feasible point is u = (1/3, 0.4): f = 225 (0.4 - 1/3)^2 = 1.
        assertEquals(1.0, loop.best(), 1e-3);
    }

    @Test
    void theRoundSizeDoesNotChangeThePath() {
        assertEquals(run(KnownFunction.BRANIN, 2, 1, 120).proposals, run(KnownFunction.BRANIN, 2, 8, 120).proposals);
    }

    @Test
    void theSameSeedGivesTheSameProposals() {
        DfoOptions design = PRECISE.withInitialPoints(5);
        List<Proposal> first = new AskTellLoop(AskTellLoop.space(3)).run(new PatternSearchStrategy(
                AskTellLoop.space(3), AskTellLoop.MINIMIZE, design, null, 3), 4, 80, KnownFunction.SPHERE).proposals;
        List<Proposal> second = new AskTellLoop(AskTellLoop.space(3)).run(new PatternSearchStrategy(
                AskTellLoop.space(3), AskTellLoop.MINIMIZE, design, null, 3), 4, 80, KnownFunction.SPHERE).proposals;
        assertEquals(80, first.size());
        assertEquals(first, second);
    }
}
