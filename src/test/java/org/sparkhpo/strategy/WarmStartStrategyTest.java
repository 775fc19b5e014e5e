package org.sparkhpo.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sparkhpo.strategy.bandit.ConfigurationSampler;
import org.sparkhpo.strategy.bandit.SuccessiveHalvingStrategy;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** Warm-start configurations come first, then the wrapped strategy's, which hears only its own results. */
class WarmStartStrategyTest {
    private static Configuration lr(double value) {
        return new Configuration(Map.of("learning-rate", value));
    }

    /** A list strategy that remembers what it was told. */
    private static final class Listing extends BudgetedListStrategy {
        final List<TrialResult> told = new ArrayList<>();

        Listing() {
            super(3, "grid");
        }

        @Override
        protected Configuration configurationAt(int index) {
            return lr(index);
        }

        @Override
        public void tell(List<TrialResult> results) {
            told.addAll(results);
        }
    }

    private static TrialResult result(Proposal proposal, int id) {
        return new TrialResult(id, 0, proposal.phase(), TrialState.COMPLETE, proposal.configuration(), Map.of(), id,
                null);
    }

    @Test
    void warmConfigurationsComeFirstAndTheWrappedStrategyHearsOnlyItsOwn() {
        Listing inner = new Listing();
        WarmStartStrategy strategy = new WarmStartStrategy(List.of(lr(0.5), lr(0.25)), inner);

        List<Proposal> first = strategy.ask(3);
        strategy.tell(List.of(result(first.get(0), 0), result(first.get(1), 1), result(first.get(2), 2)));
        List<Proposal> second = strategy.ask(3);

        assertEquals(List.of(WarmStartStrategy.PHASE, WarmStartStrategy.PHASE, "grid"),
                first.stream().map(Proposal::phase).toList());
        assertEquals(lr(0.5), first.get(0).configuration());
        assertEquals(List.of(lr(0.0)), inner.told.stream().map(TrialResult::configuration).toList());
        assertEquals(List.of(lr(1.0), lr(2.0)), second.stream().map(Proposal::configuration).toList());
        assertTrue(strategy.isFinished());
    }

    @Test
    void moreWarmConfigurationsThanARoundSpillIntoTheNext() {
        WarmStartStrategy strategy = new WarmStartStrategy(List.of(lr(0.5), lr(0.25), lr(0.125)), new Listing());

        assertEquals(2, strategy.ask(2).size());
        assertFalse(strategy.isFinished());
        assertEquals(List.of(WarmStartStrategy.PHASE, "grid"), strategy.ask(2).stream().map(Proposal::phase).toList());
    }

    @Test
    void aWarmStartedSuccessiveHalvingRunSettlesEveryTrialOnceWithItsFinalState() {
        SearchSpace rates = new SearchSpace(List.of(
                new ContinuousParameter(Tunable.LEARNING_RATE, 0.1, 0.9, Scale.LINEAR, 9)));
        SuccessiveHalvingStrategy halving = new SuccessiveHalvingStrategy(9, 3, 1, 9,
                new ConfigurationSampler(() -> new GridStrategy(rates, 9)), Metric.ACCURACY);
        WarmStartStrategy strategy = new WarmStartStrategy(List.of(lr(0.5)), halving);
        assertTrue(strategy.settlesResults(), "the wrapper settles as the wrapped bandit strategy does");

        List<TrialResult> settled = new ArrayList<>();
        int told = 0;
        while (!strategy.isFinished()) {
            List<TrialResult> results = new ArrayList<>();
            for (Proposal proposal : strategy.ask(9)) {
                double rate = ((Number) proposal.configuration().get("learning-rate")).doubleValue();
                results.add(new TrialResult(told, 0, proposal.phase(), TrialState.COMPLETE, proposal.configuration(),
                        Map.of("val_accuracy", rate), told, null));
                told++;
            }
            strategy.tell(results);
            settled.addAll(strategy.settled());
        }
        settled.addAll(strategy.unsettled());

        assertEquals(told, settled.size(), "every trial told is settled once");
        assertEquals(told, settled.stream().map(TrialResult::id).distinct().count());
        assertEquals(WarmStartStrategy.PHASE, settled.get(0).phase(), "the warm-start trial is released first");
        assertTrue(settled.stream().anyMatch(result -> result.state() == TrialState.PRUNED),
                "the rungs' losers are journaled as PRUNED");
    }
}
