package org.sparkhpo.strategy.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.strategy.tpe.TpeOptions;
import org.sparkhpo.strategy.tpe.TpeStrategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** BOHB's sampler: random until a rung has enough results, then mostly the model on the highest such rung. */
class RungModelTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.L2, 0.0, 1.0, Scale.LINEAR, 3)));
    private static final MinimizedObjective OBJECTIVE = new MinimizedObjective("value", false);

    private static List<TrialResult> results(int budget, double... points) {
        List<TrialResult> results = new ArrayList<>();
        for (double x : points) {
            // The objective at budget b is (x - 0.2)^2 at the top budget 9 and (x - 0.8)^2 below.
            double value = budget == 9 ? (x - 0.2) * (x - 0.2) : (x - 0.8) * (x - 0.8);
            results.add(new TrialResult(results.size(), 0, "rung", TrialState.COMPLETE,
                    Configuration.empty().with("l2", x), Map.of("value", value), 0, null));
        }
        return results;
    }

    private static long near(List<Configuration> configurations, double centre) {
        return configurations.stream().filter(c -> Math.abs((double) c.get("l2") - centre) < 0.15).count();
    }

    @Test
    void theModelWaitsForEnoughResultsThenFitsTheHighestRungThatHasThem() {
        RungModel rungModel = new RungModel(new TpeStrategy(SPACE, OBJECTIVE, TpeOptions.defaults(), 1, 3), 3);
        ConfigurationSampler sampler = new ConfigurationSampler(() -> new RandomStrategy(SPACE, Integer.MAX_VALUE, 3),
                rungModel, 3);
        assertEquals(-1, rungModel.fittedBudget());
        assertEquals(10, sampler.next(10).size());
        sampler.observe(results(1, 0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95), 1);
        sampler.observe(results(9, 0.15, 0.25), 9);
        assertEquals(1, rungModel.fittedBudget(), "rung 9 has only two results");
        double[] grid = new double[27];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (i + 0.5) / grid.length;
        }
        sampler.observe(results(9, grid), 9);
        assertEquals(9, rungModel.fittedBudget());
        assertEquals(60, sampler.next(60).size());
        // Single proposals (no constant liar within a batch) from the model on rung 9 cluster near its optimum
        // 0.2, not near rung 1's 0.8.
        List<Configuration> single = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            single.addAll(rungModel.propose(1, new java.util.SplittableRandom(seed)));
        }
        assertEquals(40, single.size());
        long top = near(single, 0.2);
        long low = near(single, 0.8);
        assertTrue(top >= 20 && low <= 5, top + " of 40 near the top rung's optimum, " + low + " near the low one's");
    }
}
