package org.sparkhpo.strategy.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.multiobjective.CostMetric;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class RungRankingTest {
    private static final List<Criterion> AXES = List.of(new Criterion("val_accuracy", true),
            Criterion.of(CostMetric.NONZERO_WEIGHTS));

    private static TrialResult trial(int id, TrialState state, double accuracy, double nonzero) {
        return new TrialResult(id, 0, "rung-0", state, Configuration.empty(),
                Map.of("val_accuracy", accuracy, "nonzero_weights", nonzero), 1L,
                state == TrialState.FAILED ? "diverged" : null);
    }

    private static final List<TrialResult> RUNG = List.of(
            trial(0, TrialState.COMPLETE, 0.85, 7000), trial(1, TrialState.COMPLETE, 0.86, 7800),
            trial(2, TrialState.COMPLETE, 0.84, 7500), trial(3, TrialState.COMPLETE, 0.70, 1000),
            trial(4, TrialState.FAILED, Double.NaN, 10), trial(5, TrialState.COMPLETE, Double.NaN, 10));

    private static List<Integer> ids(List<TrialResult> results) {
        return results.stream().map(TrialResult::id).toList();
    }

    @Test
    void byMetricRanksTheBestFirstAndUnrankableTrialsLast() {
        assertEquals(List.of(1, 0, 2, 3, 4, 5), ids(RungRanking.byMetric(Metric.ACCURACY).order(RUNG)));
    }

    @Test
    void paretoRanksTheFrontFirstSoACheapTradeOffIsPromoted() {
        // front {1, 0, 3}: 1 and 3 are the extremes (infinite crowding), then 0; trial 2 is dominated by 0
        List<Integer> order = ids(RungRanking.pareto(Metric.ACCURACY, AXES).order(RUNG));
        assertEquals(List.of(1, 3, 0, 2), order.subList(0, 4));
        assertEquals(java.util.Set.of(4, 5), java.util.Set.copyOf(order.subList(4, 6)));
    }

    @Test
    void paretoNeedsTwoAxes() {
        assertThrows(IllegalArgumentException.class, () -> RungRanking.pareto(Metric.ACCURACY, AXES.subList(0, 1)));
    }
}
