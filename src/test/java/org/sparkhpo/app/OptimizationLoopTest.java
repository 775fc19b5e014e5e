package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** The loop's budgets: trials, wall time and target, whichever comes first. No Spark. */
class OptimizationLoopTest {
    /** Proposes forever; trial i scores {@code i / 100} in accuracy. */
    private static final class Endless implements Strategy {
        int told;

        @Override
        public List<Proposal> ask(int maxProposals) {
            List<Proposal> round = new ArrayList<>();
            for (int i = 0; i < maxProposals; i++) {
                round.add(new Proposal(Configuration.empty(), "endless"));
            }
            return round;
        }

        @Override
        public void tell(List<TrialResult> results) {
            told += results.size();
        }

        @Override
        public boolean isFinished() {
            return false;
        }
    }

    private static TrialEvaluator scoring(long sleepMillis) {
        return (round, trials, onResult) -> {
            for (Trial trial : trials) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                onResult.accept(List.of(new TrialResult(trial.id(), round, trial.phase(), TrialState.COMPLETE,
                        trial.configuration(), Map.of("val_accuracy", trial.id() / 100.0), trial.seed(), null)));
            }
        };
    }

    @Test
    void theTrialBudgetStopsAnEndlessStrategy() {
        Endless strategy = new Endless();
        OptimizationLoop loop = new OptimizationLoop(strategy, scoring(0), r -> { }, 4, 10, 1);
        OptimizationLoop.Outcome outcome = loop.search();
        assertEquals(10, outcome.results().size());
        assertEquals(10, strategy.told);
        assertEquals(StopReason.TRIALS, outcome.stopReason());
    }

    @Test
    void theTargetStopsAfterTheRoundThatReachesIt() {
        OptimizationLoop loop = new OptimizationLoop(new Endless(), scoring(0), r -> { }, 4, 1000, 1, 0.0,
                OptionalDouble.of(0.05), Metric.ACCURACY);
        // Trial 5 is the first with accuracy >= 0.05; it is in the second round (ids 4-7).
        OptimizationLoop.Outcome outcome = loop.search();
        assertEquals(8, outcome.results().size());
        assertEquals(StopReason.TARGET, outcome.stopReason());
        OptimizationLoop lowerIsBetter = new OptimizationLoop(new Endless(), scoring(0), r -> { }, 4, 1000, 1, 0.0,
                OptionalDouble.of(0.05), Metric.FUNCTION_VALUE);
        // No trial has val_function_value, so the target is never reached.
        assertEquals(1000, lowerIsBetter.run().size());
    }

    @Test
    void theWallTimeBudgetStopsBetweenRounds() {
        Endless strategy = new Endless();
        OptimizationLoop loop = new OptimizationLoop(strategy, scoring(20), r -> { }, 2, 1000, 1, 0.2,
                OptionalDouble.empty(), Metric.ACCURACY);
        long start = System.nanoTime();
        OptimizationLoop.Outcome outcome = loop.search();
        List<TrialResult> results = outcome.results();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(StopReason.MAX_SECONDS, outcome.stopReason());
        // About 0.2 s / (2 x 20 ms) = 5 rounds; sleeps only overshoot, so fewer rounds on a loaded machine.
        assertTrue(results.size() >= 4 && results.size() <= 14, "trials " + results.size());
        assertEquals(0, results.size() % 2, "whole rounds");
        assertEquals(results.size(), strategy.told);
        assertTrue(seconds < 1.0, "seconds " + seconds);
    }
}
