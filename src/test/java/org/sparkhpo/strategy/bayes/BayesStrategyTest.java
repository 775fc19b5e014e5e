package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.dfo.AskTellLoop;
import org.sparkhpo.strategy.random.RandomStrategy;

/** The bayes strategy through a plain ask/tell loop, without Spark. */
class BayesStrategyTest {
    private static final BayesOptions OPTIONS = BayesOptions.defaults();

    private static BayesStrategy strategy(int dimension, int roundSize, long seed) {
        return new BayesStrategy(AskTellLoop.space(dimension), AskTellLoop.MINIMIZE, OPTIONS, roundSize, seed);
    }

    @Test
    void theDesignIsOneRoundOrDPlusOnePointsWhicheverIsLarger() {
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(4)).run(strategy(4, 2, 1), 2, 10, KnownFunction.SPHERE);
        assertEquals(List.of("design", "design", "design", "design", "design", "model", "model"),
                loop.proposals.stream().limit(7).map(Proposal::phase).toList());
        AskTellLoop wide = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 8, 1), 8, 16, KnownFunction.BRANIN);
        assertEquals(8, wide.proposals.stream().filter(p -> p.phase().equals("design")).count());
    }

    @Test
    void theProposalsOfARoundAreDistinctAndNoneRepeatsAnEvaluatedPoint() {
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(3)).run(strategy(3, 8, 3), 8, 48, KnownFunction.SPHERE);
        List<double[]> seen = new ArrayList<>();
        int closerThanMinDistance = 0;
        for (Proposal proposal : loop.proposals) {
            double[] x = loop.unit(proposal.configuration());
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] earlier : seen) {
                nearest = Math.min(nearest, distance(x, earlier));
            }
            assertTrue(nearest >= OPTIONS.lowerBound().minDistance() - 1e-9, "a proposal within " + nearest
                    + " of an earlier one");
            closerThanMinDistance += nearest < OPTIONS.minDistance() - 1e-6 ? 1 : 0;
            seen.add(x);
        }
        assertEquals(48, seen.size());
        // Only the lower-bound proposal of each of the 5 model rounds may come closer than min-distance.
        assertTrue(closerThanMinDistance <= 5, closerThanMinDistance + " proposals closer than min-distance");
    }

    @Test
    void theSameSeedAndResultsGiveTheSameProposals() {
        AskTellLoop first = new AskTellLoop(AskTellLoop.space(3)).run(strategy(3, 4, 7), 4, 24, KnownFunction.ROSENBROCK);
        AskTellLoop replay = new AskTellLoop(AskTellLoop.space(3)).run(strategy(3, 4, 7), 4, 24, KnownFunction.ROSENBROCK);
        for (int i = 0; i < 24; i++) {
            assertArrayEquals(first.unit(first.proposals.get(i).configuration()),
                    replay.unit(replay.proposals.get(i).configuration()), 0.0);
        }
        AskTellLoop other = new AskTellLoop(AskTellLoop.space(3)).run(strategy(3, 4, 8), 4, 24, KnownFunction.ROSENBROCK);
        assertTrue(distance(first.unit(first.proposals.get(20).configuration()),
                other.unit(other.proposals.get(20).configuration())) > 0);
    }

    @Test
    void beatsRandomSearchOnBraninAndTheFourDimensionalSphere() {
        for (KnownFunction function : List.of(KnownFunction.BRANIN, KnownFunction.SPHERE)) {
            int d = function == KnownFunction.BRANIN ? 2 : 4;
            double bayesTotal = 0;
            double randomTotal = 0;
            for (long seed = 1; seed <= 3; seed++) {
                bayesTotal += new AskTellLoop(AskTellLoop.space(d)).run(strategy(d, 4, seed), 4, 32, function).best()
                        - function.minimum();
                randomTotal += new AskTellLoop(AskTellLoop.space(d)).run(
                        new RandomStrategy(AskTellLoop.space(d), 32, seed), 4, 32, function).best() - function.minimum();
            }
            assertTrue(bayesTotal < 0.25 * randomTotal, function + ": bayes regret " + bayesTotal / 3
                    + " vs random " + randomTotal / 3);
        }
    }

    @Test
    void failedTrialsStayOutOfTheModelButTheirNeighbourhoodIsAvoided() {
        // Everything with x_0 > 0.5 fails; after the design, model proposals mostly keep away from that half
        // (random search would put half of them there; exploration still samples it now and then).
        AskTellLoop loop = new AskTellLoop(AskTellLoop.space(2)).run(strategy(2, 4, 5), 4, 40,
                u -> u[0] > 0.5 ? Double.NaN : KnownFunction.SPHERE.valueAtUnit(u));
        long failedModelProposals = loop.proposals.stream().filter(p -> p.phase().equals("model"))
                .filter(p -> loop.unit(p.configuration())[0] > 0.5).count();
        long modelProposals = loop.proposals.stream().filter(p -> p.phase().equals("model")).count();
        assertEquals(36, modelProposals);
        assertTrue(failedModelProposals <= 9, failedModelProposals + " of 36 model proposals in the failing half");
    }

    @Test
    void integersAndCategoriesAreProposedAsValidValuesAndAFiniteSpaceRunsOut() {
        SearchSpace space = new SearchSpace(List.of(
                new IntegerParameter(Tunable.BATCH_SIZE, 1, 4, Scale.LINEAR, 4),
                new CategoricalParameter(Tunable.NESTEROV, List.of(true, false))));
        BayesStrategy strategy = new BayesStrategy(space, AskTellLoop.MINIMIZE, OPTIONS, 3, 1);
        AskTellLoop loop = new AskTellLoop(space).run(strategy, 3, 20, u -> u[0]);
        assertEquals(8, loop.proposals.stream().map(p -> p.configuration().toString()).distinct().count());
        assertEquals(8, loop.proposals.size());
        assertTrue(strategy.isFinished());
    }

    @Test
    void aSpaceTooWideForTheModelIsRefusedWithItsSize() {
        List<Object> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(i);
        }
        SearchSpace space = new SearchSpace(List.of(new CategoricalParameter(Tunable.BATCH_SIZE, many)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BayesStrategy(space, AskTellLoop.MINIMIZE, OPTIONS, 2, 1));
        assertTrue(error.getMessage().contains("30 model coordinates"), error.getMessage());
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
