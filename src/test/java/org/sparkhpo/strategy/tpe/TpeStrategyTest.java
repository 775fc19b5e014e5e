package org.sparkhpo.strategy.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.dfo.AskTellLoop;
import org.sparkhpo.strategy.random.RandomStrategy;

/** The tpe strategy and its estimator through a plain ask/tell loop, without Spark. */
class TpeStrategyTest {
    private static TpeStrategy strategy(SearchSpace space, int roundSize, long seed) {
        return new TpeStrategy(space, AskTellLoop.MINIMIZE, TpeOptions.defaults(), roundSize, seed);
    }

    private static TpeStrategy strategy(SearchSpace space, int roundSize, long seed, boolean multivariate) {
        TpeOptions d = TpeOptions.defaults();
        return new TpeStrategy(space, AskTellLoop.MINIMIZE,
                new TpeOptions(d.initialPoints(), d.candidates(), d.gamma(), d.priorWeight(), multivariate),
                roundSize, seed);
    }

    @Test
    void theEstimatorIntegratesToOneAndPutsMassNearItsObservations() {
        ParzenEstimator estimator = new ParzenEstimator(List.of(new double[] {0.2}, new double[] {0.3}),
                new int[] {0}, 1.0);
        double integral = 0.0;
        for (int i = 0; i < 10000; i++) {
            integral += Math.exp(estimator.logDensity(new double[] {(i + 0.5) / 10000})) / 10000;
        }
        assertEquals(1.0, integral, 1e-4);
        assertTrue(estimator.logDensity(new double[] {0.25}) > estimator.logDensity(new double[] {0.9}) + 1);
        ParzenEstimator categorical = new ParzenEstimator(List.of(new double[] {2}), new int[] {3}, 1.0);
        // (1/3 + 1) / 2 on the observed value, (1/3) / 2 on the others; the prior is uniform: mixed 1 : 1.
        assertEquals(0.5 * (4.0 / 6) + 0.5 / 3, Math.exp(categorical.logDensity(new double[] {2})), 1e-12);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            double u = estimator.sample(random)[0];
            assertTrue(u >= 0 && u <= 1);
        }
    }

    @ParameterizedTest(name = "multivariate {0}")
    @ValueSource(booleans = {false, true})
    void beatsRandomSearchOnBraninAndTheFourDimensionalSphere(boolean multivariate) {
        for (KnownFunction function : List.of(KnownFunction.BRANIN, KnownFunction.SPHERE)) {
            int d = function == KnownFunction.BRANIN ? 2 : 4;
            double tpe = 0;
            double random = 0;
            for (long seed = 1; seed <= 5; seed++) {
                tpe += new AskTellLoop(AskTellLoop.space(d)).run(strategy(AskTellLoop.space(d), 4, seed,
                        multivariate), 4, 64, function).best() - function.minimum();
                random += new AskTellLoop(AskTellLoop.space(d)).run(new RandomStrategy(AskTellLoop.space(d), 64, seed),
                        4, 64, function).best() - function.minimum();
            }
            assertTrue(tpe < 0.7 * random, function + ": tpe regret " + tpe / 5 + " vs random " + random / 5);
        }
    }

    @ParameterizedTest(name = "multivariate {0}")
    @ValueSource(booleans = {false, true})
    void theSameSeedAndResultsGiveTheSameProposalsAndRoundsHoldNoRepeat(boolean multivariate) {
        SearchSpace space = AskTellLoop.space(3);
        AskTellLoop first = new AskTellLoop(space).run(strategy(space, 8, 4, multivariate), 8, 40,
                KnownFunction.ROSENBROCK);
        AskTellLoop replay = new AskTellLoop(space).run(strategy(space, 8, 4, multivariate), 8, 40,
                KnownFunction.ROSENBROCK);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(first.unit(first.proposals.get(i).configuration()),
                    replay.unit(replay.proposals.get(i).configuration()), 0.0);
            seen.add(first.proposals.get(i).configuration().toString());
        }
        assertEquals(40, seen.stream().distinct().count());
    }

    @Test
    void bohbsMultivariateCopyKeepsEveryOtherOption() {
        TpeOptions univariate = new TpeOptions(5, 12, 0.2, 0.5, false);
        assertEquals(new TpeOptions(5, 12, 0.2, 0.5, true), univariate.asMultivariate());
        assertTrue(!TpeOptions.defaults().multivariate(), "reference.conf's default is univariate");
    }

    @Test
    void theTwoModesProposeDifferentModelRounds() {
        SearchSpace space = AskTellLoop.space(3);
        AskTellLoop univariate = new AskTellLoop(space).run(strategy(space, 8, 4, false), 8, 24,
                KnownFunction.ROSENBROCK);
        AskTellLoop multivariate = new AskTellLoop(space).run(strategy(space, 8, 4, true), 8, 24,
                KnownFunction.ROSENBROCK);
        assertEquals(univariate.proposals.get(7).configuration(), multivariate.proposals.get(7).configuration(),
                "the same Halton design");
        assertTrue(!univariate.proposals.get(8).configuration().equals(multivariate.proposals.get(8).configuration()),
                "the first model proposal differs");
    }

    @ParameterizedTest(name = "multivariate {0}")
    @ValueSource(booleans = {false, true})
    void aFiniteSpaceIsProposedWithoutRepeatsUntilItRunsOut(boolean multivariate) {
        SearchSpace space = new SearchSpace(List.of(new IntegerParameter(Tunable.BATCH_SIZE, 1, 3, Scale.LINEAR, 3),
                new CategoricalParameter(Tunable.NESTEROV, List.of(true, false))));
        TpeStrategy strategy = strategy(space, 2, 1, multivariate);
        AskTellLoop loop = new AskTellLoop(space).run(strategy, 2, 20, u -> u[0] + u[1]);
        assertEquals(6, loop.proposals.size());
        assertEquals(6, loop.proposals.stream().map(p -> p.configuration().toString()).distinct().count());
        assertTrue(strategy.isFinished());
    }
}
