package org.sparkhpo.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkhpo.multiobjective.Results.ACCURACY;
import static org.sparkhpo.multiobjective.Results.trial;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class ParetoFrontTest {
    private static final List<Criterion> AXES = List.of(ACCURACY, Criterion.of(CostMetric.TRAIN_SECONDS));

    private static List<Integer> ids(List<TrialResult> results) {
        return results.stream().map(TrialResult::id).toList();
    }

    @Test
    void dominanceNeedsNoWorseEverywhereAndBetterSomewhere() {
        assertTrue(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 2}));
        assertTrue(ParetoFront.dominates(new double[] {0, 1}, new double[] {1, 2}));
        assertFalse(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 1}), "equal points");
        assertFalse(ParetoFront.dominates(new double[] {0, 3}, new double[] {1, 2}), "a trade-off");
        assertFalse(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> ParetoFront.dominates(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void frontKeepsTradeOffsAndDropsDominatedTrials() {
        List<TrialResult> trials = List.of(trial(0, 0.80, 1.0, 10), trial(1, 0.85, 2.0, 10),
                trial(2, 0.84, 3.0, 10), trial(3, 0.90, 5.0, 10), trial(4, 0.70, 1.5, 10));
        assertEquals(List.of(0, 1, 3), ids(ParetoFront.of(trials, AXES)));
    }

    @Test
    void equalPointsAreAllOnTheFrontAndTiesAreDecidedByTheOtherAxis() {
        List<TrialResult> trials = List.of(trial(0, 0.85, 2.0, 10), trial(1, 0.85, 2.0, 10),
                trial(2, 0.85, 3.0, 10), trial(3, 0.80, 2.0, 10));
        assertEquals(List.of(0, 1), ids(ParetoFront.of(trials, AXES)));
    }

    @Test
    void failedPrunedAndNanTrialsAreNeverOnTheFrontAndRemoveNobody() {
        List<TrialResult> trials = List.of(trial(0, 0.80, 2.0, 10),
                Results.of(1, TrialState.FAILED, 0.99, 0.1, 10),
                Results.of(2, TrialState.PRUNED, 0.95, 0.5, 10),
                trial(3, 0.99, Double.NaN, 10), trial(4, Double.NaN, 0.1, 10),
                trial(5, 0.99, Double.POSITIVE_INFINITY, 10));
        assertEquals(List.of(0), ids(ParetoFront.of(trials, AXES)));
    }

    @Test
    void anEmptyOrAllIneligibleListHasAnEmptyFront() {
        assertTrue(ParetoFront.of(List.of(), AXES).isEmpty());
        assertTrue(ParetoFront.of(List.of(Results.of(0, TrialState.FAILED, 0.9, 1, 1)), AXES).isEmpty());
    }

    @Test
    void coreSecondsMultiplyTrainSecondsByTheTrialsThreads() {
        TrialResult one = trial(0, 0.8, 3.0, 10);
        TrialResult two = new TrialResult(1, 0, "t", TrialState.COMPLETE,
                one.configuration().with("threads", 2), one.metrics(), 1L, null);
        assertEquals(3.0, CostMetric.CORE_SECONDS.of(one));
        assertEquals(6.0, CostMetric.CORE_SECONDS.of(two));
        List<Criterion> axes = List.of(ACCURACY, Criterion.of(CostMetric.CORE_SECONDS));
        assertEquals(List.of(0), ids(ParetoFront.of(List.of(one, two), axes)));
    }
}
