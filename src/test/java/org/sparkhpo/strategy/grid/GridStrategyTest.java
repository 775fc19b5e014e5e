package org.sparkhpo.strategy.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class GridStrategyTest {
    private static final SearchSpace TWO_BY_THREE = new SearchSpace(List.of(
            new CategoricalParameter(Tunable.NESTEROV, List.of(false, true)),
            new CategoricalParameter(Tunable.SCHEDULE, List.of("constant", "step", "cosine"))));

    private static final List<List<Object>> EXPECTED = List.of(
            List.of(false, "constant"), List.of(false, "step"), List.of(false, "cosine"),
            List.of(true, "constant"), List.of(true, "step"), List.of(true, "cosine"));

    private static List<Object> values(Proposal proposal) {
        return List.copyOf(proposal.configuration().values().values());
    }

    /** Runs the ask/tell loop to the end with rounds of {@code roundSize}; returns every proposal in order. */
    private static List<Proposal> drain(GridStrategy strategy, int roundSize) {
        List<Proposal> all = new ArrayList<>();
        int rounds = 0;
        while (!strategy.isFinished()) {
            List<Proposal> round = strategy.ask(roundSize);
            assertTrue(!round.isEmpty() && round.size() <= roundSize, "round of " + round.size());
            all.addAll(round);
            strategy.tell(List.of());
            assertTrue(++rounds <= 100, "the loop must end");
        }
        return all;
    }

    @Test
    void enumeratesInDeclarationOrderWithTheLastParameterFastest() {
        List<Proposal> proposals = new GridStrategy(TWO_BY_THREE, 100).ask(6);
        assertEquals(EXPECTED, proposals.stream().map(GridStrategyTest::values).toList());
        assertEquals(List.of("nesterov", "schedule"), List.copyOf(proposals.get(0).configuration().values().keySet()));
        assertEquals("grid", proposals.get(0).phase());
    }

    @Test
    void anyRoundSizeCoversTheGridExactlyOnce() {
        for (int roundSize : new int[] {1, 2, 8}) {
            List<Proposal> all = drain(new GridStrategy(TWO_BY_THREE, 100), roundSize);
            assertEquals(EXPECTED, all.stream().map(GridStrategyTest::values).toList(), "rounds of " + roundSize);
        }
    }

    @Test
    void budgetTruncatesTheGridInOrder() {
        GridStrategy strategy = new GridStrategy(TWO_BY_THREE, 4);
        assertEquals(4, strategy.total());
        List<Proposal> all = drain(strategy, 3);
        assertEquals(EXPECTED.subList(0, 4), all.stream().map(GridStrategyTest::values).toList());
        assertTrue(strategy.ask(5).isEmpty());
    }

    @Test
    void isFinishedOnlyAfterTheLastPoint() {
        GridStrategy strategy = new GridStrategy(TWO_BY_THREE, 100);
        assertFalse(strategy.isFinished());
        strategy.ask(5);
        assertFalse(strategy.isFinished());
        assertEquals(1, strategy.ask(5).size());
        assertTrue(strategy.isFinished());
        assertTrue(strategy.ask(1).isEmpty());
    }

    @Test
    void anEmptySpaceIsOnePointOfFixedValues() {
        GridStrategy strategy = new GridStrategy(new SearchSpace(List.of()), 100);
        assertEquals(List.of(Configuration.empty()), strategy.ask(10).stream().map(Proposal::configuration).toList());
        assertTrue(strategy.isFinished());
    }

    /** f(eta) = (log10 eta + 2)^2 has its minimum at 1e-2, a point of the 5-point log grid 1e-4 .. 1. */
    @Test
    void findsTheMinimumOfAKnownFunctionOnTheGrid() {
        SearchSpace space = new SearchSpace(List.of(
                new ContinuousParameter(Tunable.LEARNING_RATE, 1e-4, 1.0, Scale.LOG, 5)));
        GridStrategy strategy = new GridStrategy(space, 100);
        double bestValue = Double.POSITIVE_INFINITY;
        double bestRate = Double.NaN;
        int evaluations = 0;
        while (!strategy.isFinished()) {
            List<TrialResult> results = new ArrayList<>();
            for (Proposal proposal : strategy.ask(2)) {
                double rate = (Double) proposal.configuration().get("learning-rate");
                double value = Math.pow(Math.log10(rate) + 2, 2);
                results.add(new TrialResult(evaluations++, 0, proposal.phase(), TrialState.COMPLETE,
                        proposal.configuration(), Map.of("f", value), 0, null));
                if (value < bestValue) {
                    bestValue = value;
                    bestRate = rate;
                }
            }
            strategy.tell(results);
        }
        assertEquals(5, evaluations);
        assertEquals(1e-2, bestRate, 1e-14);
    }
}
