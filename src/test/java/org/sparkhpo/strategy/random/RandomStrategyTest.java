package org.sparkhpo.strategy.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;

class RandomStrategyTest {
    private static final List<String> SCHEDULES = List.of("constant", "cosine");
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.LEARNING_RATE, 1e-4, 1.0, Scale.LOG, 3),
            new IntegerParameter(Tunable.BATCH_SIZE, 8, 512, Scale.LOG, 3),
            new ContinuousParameter(Tunable.MOMENTUM, 0.5, 0.99, Scale.LINEAR, 3),
            new CategoricalParameter(Tunable.SCHEDULE, List.<Object>copyOf(SCHEDULES))));

    private static List<Configuration> draw(RandomStrategy strategy, int... roundSizes) {
        List<Configuration> all = new ArrayList<>();
        for (int size : roundSizes) {
            strategy.ask(size).forEach(p -> all.add(p.configuration()));
        }
        return all;
    }

    @Test
    void sameSeedGivesTheSameConfigurationsWhateverTheRoundSizes() {
        List<Configuration> oneByOne = draw(new RandomStrategy(SPACE, 10, 42), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        List<Configuration> threeThenSeven = draw(new RandomStrategy(SPACE, 10, 42), 3, 7);
        assertEquals(10, oneByOne.size());
        assertEquals(oneByOne, threeThenSeven);
    }

    @Test
    void anotherSeedGivesOtherConfigurations() {
        List<Configuration> first = draw(new RandomStrategy(SPACE, 10, 42), 10);
        List<Configuration> second = draw(new RandomStrategy(SPACE, 10, 43), 10);
        for (int i = 0; i < first.size(); i++) {
            assertNotEquals(first.get(i), second.get(i), "draw " + i);
        }
    }

    @Test
    void drawsStayWithinTheBounds() {
        for (Configuration c : draw(new RandomStrategy(SPACE, 1000, 7), 1000)) {
            double rate = (Double) c.get("learning-rate");
            int batch = (Integer) c.get("batch-size");
            double momentum = (Double) c.get("momentum");
            assertTrue(rate >= 1e-4 && rate <= 1.0, "learning-rate " + rate);
            assertTrue(batch >= 8 && batch <= 512, "batch-size " + batch);
            assertTrue(momentum >= 0.5 && momentum <= 0.99, "momentum " + momentum);
            assertTrue(SCHEDULES.contains(c.get("schedule")), "schedule " + c.get("schedule"));
        }
    }

    /** Log-uniform on [1e-4, 1]: 1e-2 is the geometric middle, so half the draws fall below it. */
    @Test
    void logRangesAreSampledLogUniformly() {
        List<Configuration> draws = draw(new RandomStrategy(SPACE, 4000, 3), 4000);
        long below = draws.stream().filter(c -> (Double) c.get("learning-rate") < 1e-2).count();
        assertEquals(0.5, below / 4000.0, 0.05);
    }

    @Test
    void stopsAfterTheTrialBudget() {
        RandomStrategy strategy = new RandomStrategy(SPACE, 5, 1);
        List<Proposal> round = strategy.ask(8);
        assertEquals(5, round.size());
        assertEquals("random", round.get(0).phase());
        assertTrue(strategy.isFinished());
        assertTrue(strategy.ask(8).isEmpty());
    }
}
