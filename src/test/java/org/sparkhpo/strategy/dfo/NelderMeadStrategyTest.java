package org.sparkhpo.strategy.dfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;

/**
 * Nelder–Mead driven by a plain ask/tell loop on the known-optimum functions. Measured (seed 42, start at the
 * centre, step 0.25): evaluations to reach the tolerance for round sizes 1 / 2 / 8: sphere 3-d 98 / 98 / 202,
 * Rosenbrock 2-d 118 / 118 / 249, Branin 59 / 59 / 100 (round size 8 evaluates expansions and contractions
 * speculatively, so it spends more evaluations in about a third of the rounds).
 */
class NelderMeadStrategyTest {
    /** A collapse tolerance small enough for the tolerances below (the default 1e-3 suits hyperparameters). */
    static final DfoOptions PRECISE = new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-7, 0);

    private static NelderMeadStrategy strategy(int dimension, int roundSize, DfoOptions options) {
        return new NelderMeadStrategy(AskTellLoop.space(dimension), AskTellLoop.MINIMIZE, options, roundSize, null, 42);
    }

    private static AskTellLoop run(KnownFunction function, int dimension, int roundSize, int budget) {
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(dimension));
        return loop.run(strategy(dimension, roundSize, PRECISE), roundSize, budget, function);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void sphereIn3dReaches1e6Within300Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.SPHERE, 3, roundSize, 300);
        loop.assertReaches(1e-6, 300);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void rosenbrockIn2dReaches1e6Within400Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.ROSENBROCK, 2, roundSize, 400);
        loop.assertReaches(1e-6, 400);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void braninReachesItsMinimumWithin1e5In150Evaluations(int roundSize) {
        AskTellLoop loop = run(KnownFunction.BRANIN, 2, roundSize, 150);
        loop.assertReaches(KnownFunction.BRANIN.minimum() + 1e-5, 150);
    }

    @Test
    void roundsOf8TakeFewerRoundsThanRoundsOf1OnRosenbrockIn4d() {
        AskTellLoop one = run(KnownFunction.ROSENBROCK, 4, 1, 1200);
        AskTellLoop eight = run(KnownFunction.ROSENBROCK, 4, 8, 1200);
        int roundsOne = one.evaluationsToReach(1e-6);
        int evaluationsEight = eight.evaluationsToReach(1e-6);
        assertTrue(roundsOne > 0 && evaluationsEight > 0, one.best() + " " + eight.best());
        int roundsEight = 0;
        for (int evaluations = 0; evaluations < evaluationsEight; roundsEight++) {
            evaluations += eight.roundSizes.get(roundsEight);
        }
        assertTrue(roundsEight < roundsOne / 2, roundsEight + " rounds of 8 vs " + roundsOne + " rounds of 1");
    }

    @Test
    void roundSizeOneIsTheClassicMethod() {
        NelderMeadStrategy strategy = strategy(2, 1, PRECISE);
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 1, 4, KnownFunction.SPHERE);
        assertEquals(1, strategy.movesPerIteration());
        assertEquals(List.of("initial", "initial", "initial", "reflect"),
                loop.proposals.stream().map(Proposal::phase).toList());
        // Vertices (.5,.5), (.75,.5), (.5,.75); the latter two tie as worst and the stable sort keeps the last
        // one worst: c = ((.5+.75)/2, .5), x_r = 2c - (.5, .75) = (.75, .25).
        assertArrayEquals(new double[] {0.75, 0.25}, loop.unit(loop.proposals.get(3).configuration()), 1e-12);
    }

    @Test
    void failedTrialsAreToldAsWorstAndTheSearchGoesOn() {
        // Every point with u_0 > 0.6 fails, including an initial vertex (0.75, 0.5).
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 2, PRECISE), 2, 300,
                u -> u[0] > 0.6 ? Double.NaN : KnownFunction.SPHERE.valueAtUnit(u));
        long failures = loop.values.stream().filter(v -> v.isNaN()).count();
        assertTrue(failures >= 1, "failures " + failures);
        assertTrue(loop.best() < 1e-6, "best " + loop.best());
    }

    @Test
    void theSameSeedGivesTheSameProposalsAndAnotherSeedAnotherDesign() {
        DfoOptions design = PRECISE.withInitialPoints(6);
        SearchSpace space = AskTellLoop.space(2);
        List<Proposal> first = new AskTellLoop(space).run(new NelderMeadStrategy(space, AskTellLoop.MINIMIZE,
                design, 3, null, 7), 3, 60, KnownFunction.BRANIN).proposals;
        List<Proposal> second = new AskTellLoop(space).run(new NelderMeadStrategy(space, AskTellLoop.MINIMIZE,
                design, 3, null, 7), 3, 60, KnownFunction.BRANIN).proposals;
        List<Proposal> other = new AskTellLoop(space).run(new NelderMeadStrategy(space, AskTellLoop.MINIMIZE,
                design, 3, null, 8), 3, 60, KnownFunction.BRANIN).proposals;
        assertEquals(first, second);
        assertTrue(!first.subList(0, 6).equals(other.subList(0, 6)), "another seed, another design");
    }

    @Test
    void aDesignRoundStartsTheSimplexAtItsBestPoint() {
        SearchSpace space = AskTellLoop.space(2);
        AskTellLoop loop = new AskTellLoop(space).run(new NelderMeadStrategy(space, AskTellLoop.MINIMIZE,
                PRECISE.withInitialPoints(8), 8, null, 42), 8, 10, KnownFunction.SPHERE);
        assertEquals(List.of(8, 2), loop.roundSizes);
        int best = 0;
        for (int i = 1; i < 8; i++) {
            best = loop.values.get(i) < loop.values.get(best) ? i : best;
        }
        double[] start = loop.unit(loop.proposals.get(best).configuration());
        for (int v = 0; v < 2; v++) {
            double[] vertex = loop.unit(loop.proposals.get(8 + v).configuration());
            assertEquals("initial", loop.proposals.get(8 + v).phase());
            assertEquals(0.25, Math.abs(vertex[v] - start[v]), 1e-12);
            assertEquals(start[1 - v], vertex[1 - v], 1e-12);
        }
    }

    @Test
    void aCollapsedSimplexRestartsAroundTheBestVertex() {
        NelderMeadStrategy strategy = strategy(2, 1, DfoOptions.defaults());
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy, 1, 400, KnownFunction.SPHERE);
        assertTrue(strategy.restarts() >= 1, "restarts " + strategy.restarts());
        assertTrue(loop.proposals.stream().anyMatch(p -> p.phase().equals("restart")));
        assertTrue(loop.best() < 1e-3, "best " + loop.best());
    }

    @Test
    void aCategoricalWithOneValueIsHeldAndOneWithSeveralIsRejectedByName() {
        ContinuousParameter rate = new ContinuousParameter(Tunable.LEARNING_RATE, 1e-3, 1.0, Scale.LOG, 3);
        SearchSpace held = new SearchSpace(List.of(rate, new CategoricalParameter(Tunable.NESTEROV, List.of(true))));
        NelderMeadStrategy strategy = new NelderMeadStrategy(held, AskTellLoop.MINIMIZE, PRECISE, 1, null, 1);
        assertEquals(Boolean.TRUE, strategy.ask(1).get(0).configuration().get("nesterov"));
        SearchSpace several = new SearchSpace(List.of(rate,
                new CategoricalParameter(Tunable.NESTEROV, List.of(false, true))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new NelderMeadStrategy(several, AskTellLoop.MINIMIZE, PRECISE, 1, null, 1));
        assertTrue(error.getMessage().startsWith("nesterov: lists 2 values"), error.getMessage());
    }

    @Test
    void aLogRangeIsSearchedInLogSpace() {
        SearchSpace space = new SearchSpace(List.of(
                new ContinuousParameter(Tunable.LEARNING_RATE, 1e-4, 1.0, Scale.LOG, 3)));
        NelderMeadStrategy strategy = new NelderMeadStrategy(space, AskTellLoop.MINIMIZE, PRECISE, 2, null, 1);
        // The centre of the unit interval is the geometric mean of the bounds.
        assertEquals(1e-2, (Double) strategy.ask(2).get(0).configuration().get("learning-rate"), 1e-12);
    }
}
