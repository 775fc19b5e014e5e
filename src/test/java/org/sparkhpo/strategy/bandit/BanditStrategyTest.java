package org.sparkhpo.strategy.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** Successive halving and Hyperband driven by a plain ask/tell loop, no Spark. */
class BanditStrategyTest {
    private static final SearchSpace RATES = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.LEARNING_RATE, 0.001, 1.0, Scale.LINEAR, 200)));
    /** The objective of a configuration: its learning rate (accuracy, higher is better). */
    private static final ToDoubleFunction<Configuration> RATE =
            c -> ((Number) c.get("learning-rate")).doubleValue();

    /** One evaluated trial as the loop saw it. */
    record Evaluated(int id, int round, Proposal proposal) {
    }

    /** Runs a strategy to the end; returns the trials evaluated and the results the strategy settled. */
    static final class Harness {
        final List<Evaluated> trials = new ArrayList<>();
        final List<TrialResult> settled = new ArrayList<>();
        final Set<Integer> failing = new HashSet<>();
        String objectiveKey = "val_accuracy";
        int rounds;

        Harness run(BanditStrategy strategy, int parallelism, ToDoubleFunction<Configuration> score) {
            while (!strategy.isFinished()) {
                List<Proposal> proposals = strategy.ask(parallelism);
                assertFalse(proposals.isEmpty(), "an unfinished strategy proposes something");
                assertTrue(proposals.size() <= parallelism);
                assertEquals(1, proposals.stream().map(Proposal::phase).distinct().count(),
                        "a round never mixes rungs");
                List<TrialResult> results = new ArrayList<>();
                for (Proposal proposal : proposals) {
                    int id = trials.size();
                    trials.add(new Evaluated(id, rounds, proposal));
                    results.add(result(id, proposal, score));
                }
                Collections.reverse(results);  // results arrive in any order
                strategy.tell(results);
                settled.addAll(strategy.settled());
                rounds++;
            }
            assertTrue(strategy.unsettled().isEmpty(), "a finished strategy holds nothing back");
            return this;
        }

        private TrialResult result(int id, Proposal proposal, ToDoubleFunction<Configuration> score) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(objectiveKey, score.applyAsDouble(proposal.configuration()));
            metrics.put("epochs", (double) proposal.plan().budgetEpochs());
            if (failing.contains(id)) {
                return new TrialResult(id, rounds, proposal.phase(), TrialState.FAILED, proposal.configuration(),
                        metrics, id, "diverged");
            }
            return new TrialResult(id, rounds, proposal.phase(), TrialState.COMPLETE, proposal.configuration(),
                    metrics, id, null);
        }

        List<Evaluated> inPhase(String phase) {
            return trials.stream().filter(t -> t.proposal().phase().equals(phase)).toList();
        }

        TrialResult settledResult(int id) {
            return settled.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        }
    }

    private static ConfigurationSampler grid() {
        return new ConfigurationSampler(() -> new GridStrategy(RATES, Integer.MAX_VALUE));
    }

    private static ConfigurationSampler random() {
        return new ConfigurationSampler(() -> new RandomStrategy(RATES, Integer.MAX_VALUE, 7));
    }

    @ParameterizedTest(name = "n={0}, eta={1}, min={2}, max={3}, parallelism={4}")
    @CsvSource({"27, 3, 1, 27, 4", "9, 3, 1, 9, 2", "10, 2, 2, 16, 3", "1, 3, 1, 9, 4", "2, 4, 1, 16, 1",
            "5, 3, 4, 4, 2", "20, 3, 2, 20, 32"})
    void successiveHalvingRunsEachRungWithThePlannedSizeAndBudget(int n, int eta, int min, int max,
                                                                   int parallelism) {
        SuccessiveHalvingStrategy strategy = new SuccessiveHalvingStrategy(n, eta, min, max, random(),
                Metric.ACCURACY);
        BracketPlan plan = BracketPlan.successiveHalving(n, eta, min, max);
        Harness harness = new Harness().run(strategy, parallelism, RATE);
        assertBracketRan(harness, plan, "");
        assertEquals(plan.evaluations(), harness.trials.size());
        assertEquals(strategy.plannedTrials(), harness.trials.size());
    }

    @ParameterizedTest(name = "eta={0}, min={1}, max={2}")
    @CsvSource({"3, 1, 27", "2, 1, 8", "3, 2, 20", "3, 4, 4", "4, 1, 3"})
    void hyperbandRunsEveryBracketInSequence(int eta, int min, int max) {
        HyperbandStrategy strategy = new HyperbandStrategy(eta, min, max, grid(), Metric.ACCURACY);
        Harness harness = new Harness().run(strategy, 5, RATE);
        List<BracketPlan> plans = BracketPlan.hyperband(eta, min, max);
        int lastRound = -1;
        for (BracketPlan plan : plans) {
            String prefix = "bracket-" + plan.bracket() + "/";
            assertBracketRan(harness, plan, prefix);
            int firstRound = harness.inPhase(prefix + "rung-0").get(0).round();
            assertTrue(firstRound > lastRound, "bracket " + plan.bracket() + " starts after the one before");
            lastRound = harness.inPhase(prefix + "rung-" + plan.bracket()).stream().mapToInt(Evaluated::round)
                    .max().orElseThrow();
        }
        assertEquals(plans.stream().mapToInt(BracketPlan::evaluations).sum(), harness.trials.size());
    }

    /** Checks rung sizes, budgets, resumes, promotion of the best and the settled states of one bracket. */
    private static void assertBracketRan(Harness harness, BracketPlan plan, String prefix) {
        Map<Configuration, Integer> previous = new HashMap<>();
        for (int rung = 0; rung <= plan.bracket(); rung++) {
            List<Evaluated> trials = harness.inPhase(prefix + "rung-" + rung);
            assertEquals(plan.sizes()[rung], trials.size(), prefix + "rung " + rung + " size");
            Map<Configuration, Integer> current = new HashMap<>();
            for (Evaluated trial : trials) {
                assertEquals(plan.budgets()[rung], trial.proposal().plan().budgetEpochs(), "budget of rung " + rung);
                assertEquals(rung, trial.proposal().plan().rung());
                assertEquals(plan.budgets()[plan.bracket()], trial.proposal().configuration().get("epochs"),
                        "the schedule's budget T is max-epochs in every rung");
                Integer resumed = previous.get(trial.proposal().configuration());
                assertEquals(rung == 0 ? -1 : resumed, trial.proposal().plan().resumes(), "resumes the rung below");
                current.put(trial.proposal().configuration(), trial.id());
            }
            assertSettled(harness, trials, rung == plan.bracket() ? 0 : plan.sizes()[rung + 1]);
            previous = current;
        }
    }

    /** The best {@code promoted} of a rung stay COMPLETE (and are resumed), the rest are PRUNED. */
    private static void assertSettled(Harness harness, List<Evaluated> rung, int promoted) {
        List<Evaluated> ranked = rung.stream().sorted((a, b) -> Double.compare(
                RATE.applyAsDouble(b.proposal().configuration()), RATE.applyAsDouble(a.proposal().configuration())))
                .toList();
        for (int i = 0; i < ranked.size(); i++) {
            TrialResult result = harness.settledResult(ranked.get(i).id());
            boolean last = promoted == 0;
            TrialState expected = last || i < promoted ? TrialState.COMPLETE : TrialState.PRUNED;
            assertEquals(expected, result.state(), "trial " + result.id() + " ranked " + i);
        }
    }

    @Test
    void everyTrialIsSettledExactlyOnce() {
        Harness harness = new Harness().run(new HyperbandStrategy(3, 1, 27, random(), Metric.ACCURACY), 4, RATE);
        assertEquals(harness.trials.size(), harness.settled.size());
        assertEquals(harness.trials.size(), harness.settled.stream().map(TrialResult::id).distinct().count());
        long pruned = harness.settled.stream().filter(r -> r.state() == TrialState.PRUNED).count();
        // Pruned = sum over brackets and non-last rungs of n_i - n_(i+1).
        long expected = BracketPlan.hyperband(3, 1, 27).stream().mapToLong(p -> p.sizes()[0] - p.sizes()[p.bracket()])
                .sum();
        assertEquals(expected, pruned);
    }

    @Test
    void aFailedTrialIsNeverPromotedAndStaysFailed() {
        Harness harness = new Harness();
        // The grid's last points have the highest rates: trial 8 (the best of rung 0) fails.
        harness.failing.add(8);
        SuccessiveHalvingStrategy strategy = new SuccessiveHalvingStrategy(9, 3, 1, 9,
                new ConfigurationSampler(() -> new GridStrategy(new SearchSpace(List.of(new ContinuousParameter(
                        Tunable.LEARNING_RATE, 0.1, 0.9, Scale.LINEAR, 9))), 9)), Metric.ACCURACY);
        harness.run(strategy, 9, RATE);
        assertEquals(TrialState.FAILED, harness.settledResult(8).state());
        List<Evaluated> rung1 = harness.inPhase("rung-1");
        assertEquals(3, rung1.size());
        assertTrue(rung1.stream().noneMatch(t -> t.proposal().plan().resumes() == 8));
        assertEquals(Set.of(5, 6, 7), Set.copyOf(rung1.stream().map(t -> t.proposal().plan().resumes()).toList()));
    }

    @Test
    void lowerIsBetterObjectivesPromoteTheSmallest() {
        Harness harness = new Harness();
        harness.objectiveKey = "val_log_loss";
        SuccessiveHalvingStrategy logLoss = new SuccessiveHalvingStrategy(9, 3, 1, 3,
                new ConfigurationSampler(() -> new GridStrategy(new SearchSpace(List.of(new ContinuousParameter(
                        Tunable.LEARNING_RATE, 0.1, 0.9, Scale.LINEAR, 9))), 9)), Metric.LOG_LOSS);
        harness.run(logLoss, 9, RATE);
        assertEquals(Set.of(0, 1, 2), Set.copyOf(harness.inPhase("rung-1").stream()
                .map(t -> t.proposal().plan().resumes()).toList()));
    }

    @Test
    void theGridSamplerWrapsAroundWhenTheGridIsExhausted() {
        ConfigurationSampler sampler = new ConfigurationSampler(() -> new GridStrategy(RATES, 3));
        List<Configuration> drawn = List.of(sampler.next(), sampler.next(), sampler.next(), sampler.next());
        assertEquals(drawn.get(0), drawn.get(3));
        assertEquals(3, new HashSet<>(drawn).size());
    }
}
