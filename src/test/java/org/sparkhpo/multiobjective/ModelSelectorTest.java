package org.sparkhpo.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkhpo.multiobjective.Results.ACCURACY;
import static org.sparkhpo.multiobjective.Results.trial;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class ModelSelectorTest {
    private static final List<TrialResult> TRIALS = List.of(
            trial(0, 0.800, 1.0, 100), trial(1, 0.850, 2.0, 100), trial(2, 0.862, 8.0, 100),
            trial(3, 0.865, 9.0, 100), trial(4, 0.860, 3.0, 100), trial(5, 0.700, 0.5, 100),
            Results.of(6, TrialState.FAILED, 0.99, 0.1, 1), Results.of(7, TrialState.PRUNED, 0.98, 0.1, 1));

    private static int select(SelectionRule rule, double tolerance, List<CostBound> bounds) {
        ObjectiveSpec spec = new ObjectiveSpec(ACCURACY, CombinationMode.PARETO, List.of(CostMetric.TRAIN_SECONDS),
                bounds, Map.of(), rule, tolerance);
        return new ModelSelector(spec).select(TRIALS).orElseThrow().id();
    }

    @Test
    void bestTakesTheHighestMetricAmongCompleteTrials() {
        assertEquals(3, select(SelectionRule.BEST, 0, List.of()));
    }

    @Test
    void bestOnlyConsidersFeasibleTrials() {
        assertEquals(4, select(SelectionRule.BEST, 0, List.of(new CostBound(CostMetric.TRAIN_SECONDS, 5.0))));
    }

    @Test
    void cheapestWithinTakesTheCheapestTrialWithinTheTolerance() {
        assertEquals(4, select(SelectionRule.CHEAPEST_WITHIN, 0.005, List.of()));
        assertEquals(1, select(SelectionRule.CHEAPEST_WITHIN, 0.015, List.of()));
        assertEquals(3, select(SelectionRule.CHEAPEST_WITHIN, 0.0, List.of()));
    }

    @Test
    void kneeTakesTheFrontPointFarthestFromTheLineBetweenTheExtremes() {
        // front (accuracy, seconds): 5 (0.70, 0.5), 0 (0.80, 1), 1 (0.85, 2), 4 (0.86, 3), 3 (0.865, 9);
        // normalized over ranges 0.165 and 8.5, sums: 5: 1 + 0, 0: 0.394 + 0.059, 1: 0.091 + 0.176,
        // 4: 0.030 + 0.294, 3: 0 + 1; trial 1 is farthest below the line from trial 5 to trial 3
        assertEquals(1, select(SelectionRule.KNEE, 0, List.of()));
    }

    @Test
    void kneeOfTwoPointsIsTheBetterMetric() {
        ObjectiveSpec spec = new ObjectiveSpec(ACCURACY, CombinationMode.PARETO, List.of(CostMetric.TRAIN_SECONDS),
                List.of(), Map.of(), SelectionRule.KNEE, 0);
        List<TrialResult> two = List.of(trial(0, 0.8, 1.0, 1), trial(1, 0.9, 2.0, 1));
        assertEquals(1, new ModelSelector(spec).select(two).orElseThrow().id());
    }

    @Test
    void nothingIsSelectedWithoutACandidate() {
        ObjectiveSpec spec = new ObjectiveSpec(ACCURACY, CombinationMode.CONSTRAINED, List.of(),
                List.of(new CostBound(CostMetric.TRAIN_SECONDS, 0.01)), Map.of(), SelectionRule.BEST, 0);
        assertTrue(new ModelSelector(spec).select(TRIALS).isEmpty());
    }

    @Test
    void weightedModeSelectsTheBestScalarizedValue() {
        ObjectiveSpec spec = new ObjectiveSpec(ACCURACY, CombinationMode.WEIGHTED, List.of(), List.of(),
                Map.of(CostMetric.TRAIN_SECONDS, 0.01), SelectionRule.BEST, 0);
        // s = 0.90 - 0.10 = 0.80 against 0.88 - 0.01 = 0.87
        List<TrialResult> trials = List.of(trial(0, 0.90, 10.0, 1), trial(1, 0.88, 1.0, 1));
        assertEquals(1, new ModelSelector(spec).select(trials).orElseThrow().id());
    }

    @Test
    void tiesGoToTheLowerTrialId() {
        ObjectiveSpec spec = ObjectiveSpec.single(ACCURACY);
        List<TrialResult> tied = List.of(trial(4, 0.9, 1.0, 1), trial(2, 0.9, 3.0, 1));
        assertEquals(2, new ModelSelector(spec).select(tied).orElseThrow().id());
    }
}
