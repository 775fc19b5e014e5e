package org.sparkhpo.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.multiobjective.Results.ACCURACY;
import static org.sparkhpo.multiobjective.Results.trial;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class NonDominatedSortingTest {
    private static final List<Criterion> AXES = List.of(ACCURACY, Criterion.of(CostMetric.TRAIN_SECONDS));

    @Test
    void crowdingGivesTheEndsInfinityAndInnerPointsTheirNeighboursSpan() {
        double[][] points = {{0, 4}, {1, 2}, {2, 1}, {4, 0}};
        double inf = Double.POSITIVE_INFINITY;
        // inner point 1: (2 - 0) / 4 on axis 0 plus (4 - 1) / 4 on axis 1
        assertArrayEquals(new double[] {inf, 0.5 + 0.75, (4 - 1) / 4.0 + (2 - 0) / 4.0, inf},
                NonDominatedSorting.crowding(points), 1e-12);
    }

    @Test
    void ranksByFrontThenCrowdingThenIdWithIneligibleTrialsLast() {
        List<TrialResult> trials = List.of(
                Results.of(0, TrialState.FAILED, 0.99, 0.1, 1),
                trial(1, 0.80, 1.0, 1), trial(2, 0.85, 2.0, 1), trial(3, 0.86, 2.5, 1), trial(4, 0.90, 4.0, 1),
                trial(5, 0.84, 3.0, 1), trial(6, 0.79, 1.5, 1));
        List<Integer> order = NonDominatedSorting.ranked(trials, AXES).stream().map(TrialResult::id).toList();
        // front 1 = {1, 2, 3, 4}: the ends 1 and 4 (infinite crowding) by id, then 3 (crowding
        // 0.05/0.1 + 2/3 = 1.167) before 2 (0.06/0.1 + 1.5/3 = 1.1); front 2 = {5, 6} (both ends); FAILED last
        assertEquals(List.of(1, 4, 3, 2, 5, 6, 0), order);
    }
}
