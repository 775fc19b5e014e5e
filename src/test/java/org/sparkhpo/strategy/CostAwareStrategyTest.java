package org.sparkhpo.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.multiobjective.CostAwareResults;
import org.sparkhpo.multiobjective.CostBound;
import org.sparkhpo.multiobjective.CostMetric;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.multiobjective.SelectionRule;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.bandit.ConfigurationSampler;
import org.sparkhpo.strategy.bandit.RungRanking;
import org.sparkhpo.strategy.bandit.SuccessiveHalvingStrategy;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.dfo.PatternSearchStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Strategies under a constrained objective through {@link CostAwareStrategy}, driven by a plain ask/tell loop:
 * one parameter x in [0, 1] (the L2 axis), value (x - 0.8)^2 minimized, cost {@code epochs} = 10 x, bounded
 * by 5; the constrained optimum is x = 0.5 with value 0.09.
 */
class CostAwareStrategyTest {
    private static final String KEY = "value";
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.L2, 0.0, 1.0, Scale.LINEAR, 3)));
    private static final ObjectiveSpec CONSTRAINED = new ObjectiveSpec(new Criterion(KEY, false),
            CombinationMode.CONSTRAINED, List.of(), List.of(new CostBound(CostMetric.EPOCHS, 5.0)), Map.of(),
            SelectionRule.BEST, 0.0);

    private static TrialResult evaluate(int id, Proposal proposal) {
        double x = ((Number) proposal.configuration().get(Tunable.L2.key())).doubleValue();
        return new TrialResult(id, 0, proposal.phase(), TrialState.COMPLETE, proposal.configuration(),
                Map.of(KEY, (x - 0.8) * (x - 0.8), "epochs", 10 * x), id, null);
    }

    /** @return every result the loop evaluated, in id order */
    private static List<TrialResult> loop(Strategy strategy, int roundSize, int budget) {
        List<TrialResult> all = new ArrayList<>();
        while (!strategy.isFinished() && all.size() < budget) {
            List<Proposal> asked = strategy.ask(Math.min(roundSize, budget - all.size()));
            List<TrialResult> round = new ArrayList<>();
            for (Proposal proposal : asked) {
                round.add(evaluate(all.size() + round.size(), proposal));
            }
            all.addAll(round);
            strategy.tell(round);
        }
        return all;
    }

    @Test
    void patternSearchConvergesToTheBoundaryOfTheFeasibleRegion() {
        DfoOptions options = new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-4, 0);
        Strategy strategy = CostAwareStrategy.wrap(new PatternSearchStrategy(SPACE, new MinimizedObjective(KEY,
                false), options, new double[] {0.2}, 42), new CostAwareResults(CONSTRAINED));
        List<TrialResult> all = loop(strategy, 2, 200);
        TrialResult best = all.stream().filter(r -> r.metric("epochs") <= 5.0)
                .min((a, b) -> Double.compare(a.metric(KEY), b.metric(KEY))).orElseThrow();
        assertEquals(0.09, best.metric(KEY), 2e-3, "the constrained optimum at x = 0.5");
        TrialResult unconstrained = all.stream().min((a, b) -> Double.compare(a.metric(KEY), b.metric(KEY)))
                .orElseThrow();
        assertTrue(best.metric(KEY) > unconstrained.metric(KEY) || best == unconstrained);
    }

    @Test
    void randomSearchIsUnchangedAndTheSelectorKeepsOnlyFeasibleTrials() {
        Strategy strategy = CostAwareStrategy.wrap(new RandomStrategy(SPACE, 40, 7), new CostAwareResults(CONSTRAINED));
        List<TrialResult> all = loop(strategy, 8, 40);
        assertEquals(40, all.size());
        TrialResult chosen = new org.sparkhpo.multiobjective.ModelSelector(CONSTRAINED).select(all).orElseThrow();
        assertTrue(chosen.metric("epochs") <= 5.0, chosen.toString());
    }

    @Test
    void aSettlingStrategyStaysSettlingAndSettlesTheRealMetrics() {
        ConfigurationSampler sampler = new ConfigurationSampler(() -> new RandomStrategy(SPACE, Integer.MAX_VALUE, 3));
        Strategy strategy = CostAwareStrategy.wrap(new SuccessiveHalvingStrategy(4, 2, 1, 2, sampler,
                RungRanking.byMetric(Metric.FUNCTION_VALUE)), new CostAwareResults(CONSTRAINED));
        SettlingStrategy settling = assertInstanceOf(SettlingStrategy.class, strategy);
        List<TrialResult> settled = new ArrayList<>();
        int id = 0;
        while (!strategy.isFinished()) {
            List<TrialResult> round = new ArrayList<>();
            for (Proposal proposal : strategy.ask(4)) {
                TrialResult r = evaluate(id++, proposal);
                round.add(new TrialResult(r.id(), 0, r.phase(), r.state(), r.configuration(),
                        Map.of("val_function_value", r.metric(KEY), "epochs", r.metric("epochs")), r.seed(), null));
            }
            strategy.tell(round);
            settled.addAll(settling.settled());
        }
        assertEquals(id, settled.size(), "every trial settles once");
        for (TrialResult result : settled) {
            assertFalse(Double.isNaN(result.metric("val_function_value")), "real metric, not the told NaN");
        }
        assertTrue(settled.stream().anyMatch(r -> r.state() == TrialState.PRUNED));
    }

    @Test
    void aPlainStrategyIsNotMadeSettling() {
        Strategy strategy = CostAwareStrategy.wrap(new RandomStrategy(SPACE, 4, 7), new CostAwareResults(CONSTRAINED));
        assertFalse(strategy instanceof SettlingStrategy);
    }
}
