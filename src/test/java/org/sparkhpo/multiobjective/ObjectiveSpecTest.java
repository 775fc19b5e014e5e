package org.sparkhpo.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkhpo.multiobjective.Results.ACCURACY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveSpecTest {
    private static String rejection(CombinationMode mode, List<CostMetric> costs, List<CostBound> bounds,
                                    Map<CostMetric, Double> weights, SelectionRule rule, double tolerance) {
        return assertThrows(IllegalArgumentException.class,
                () -> new ObjectiveSpec(ACCURACY, mode, costs, bounds, weights, rule, tolerance)).getMessage();
    }

    @Test
    void paretoWithOneObjectiveIsRejected() {
        assertTrue(rejection(CombinationMode.PARETO, List.of(), List.of(), Map.of(), SelectionRule.BEST, 0)
                .contains("two objectives"));
    }

    @Test
    void eachModeNeedsItsSettings() {
        assertTrue(rejection(CombinationMode.CONSTRAINED, List.of(), List.of(), Map.of(), SelectionRule.BEST, 0)
                .contains("bound"));
        assertTrue(rejection(CombinationMode.WEIGHTED, List.of(), List.of(), Map.of(), SelectionRule.BEST, 0)
                .contains("weight"));
        assertTrue(rejection(CombinationMode.WEIGHTED, List.of(), List.of(), Map.of(CostMetric.EPOCHS, -1.0),
                SelectionRule.BEST, 0).contains(">= 0"));
        assertTrue(rejection(CombinationMode.SINGLE, List.of(), List.of(), Map.of(), SelectionRule.KNEE, 0)
                .contains("needs a cost"));
        assertTrue(rejection(CombinationMode.SINGLE, List.of(), List.of(), Map.of(), SelectionRule.BEST, -0.1)
                .contains("tolerance"));
    }

    @Test
    void boundsMustBePositiveAndFinite() {
        assertThrows(IllegalArgumentException.class, () -> new CostBound(CostMetric.CORE_SECONDS, -1));
        assertThrows(IllegalArgumentException.class, () -> new CostBound(CostMetric.CORE_SECONDS, 0));
        assertThrows(IllegalArgumentException.class, () -> new CostBound(CostMetric.EPOCHS, Double.NaN));
        assertEquals(0.25, new CostBound(CostMetric.TRAIN_SECONDS, 4).violation(Results.trial(0, 0.9, 5, 1)));
    }

    @Test
    void axesAreTheMetricThenTheCostsAndNamesResolve() {
        ObjectiveSpec spec = new ObjectiveSpec(ACCURACY, CombinationMode.PARETO,
                List.of(CostMetric.CORE_SECONDS, CostMetric.PREDICT_MS_PER_1000), List.of(), Map.of(),
                SelectionRule.KNEE, 0);
        assertEquals(List.of("val_accuracy", "core_seconds", "predict_ms_per_1000"),
                spec.axes().stream().map(Criterion::key).toList());
        assertEquals(CostMetric.CORE_SECONDS, CostMetric.byKey("core-seconds").orElseThrow());
        assertTrue(CostMetric.byKey("joules").isEmpty());
        assertEquals(SelectionRule.CHEAPEST_WITHIN, SelectionRule.byName("cheapest-within").orElseThrow());
        assertEquals(CombinationMode.PARETO, CombinationMode.byName("PARETO").orElseThrow());
    }
}
