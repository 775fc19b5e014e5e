package org.sparkhpo.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkhpo.multiobjective.Results.ACCURACY;
import static org.sparkhpo.multiobjective.Results.trial;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class CostAwareResultsTest {
    private static final ObjectiveSpec CONSTRAINED = new ObjectiveSpec(ACCURACY, CombinationMode.CONSTRAINED,
            List.of(CostMetric.CORE_SECONDS), List.of(new CostBound(CostMetric.CORE_SECONDS, 4.0),
            new CostBound(CostMetric.NONZERO_WEIGHTS, 50)), Map.of(), SelectionRule.BEST, 0);

    @Test
    void annotateMarksFeasibilityAndTheRelativeViolation() {
        CostAwareResults results = new CostAwareResults(CONSTRAINED);
        TrialResult ok = results.annotate(trial(0, 0.8, 4.0, 50));
        TrialResult over = results.annotate(trial(1, 0.9, 6.0, 100));
        assertEquals(1.0, ok.metric(CostAwareResults.FEASIBLE));
        assertEquals(0.0, ok.metric(CostAwareResults.VIOLATION));
        assertEquals(4.0, ok.metric("core_seconds"));
        assertEquals(0.0, over.metric(CostAwareResults.FEASIBLE));
        assertEquals(0.5 + 1.0, over.metric(CostAwareResults.VIOLATION), 1e-12);
        assertEquals(over.metrics(), results.annotate(over).metrics(), "idempotent");
    }

    @Test
    void anInfeasibleTrialIsToldAsTheWorstValueAndAFeasibleOneUnchanged() {
        CostAwareResults results = new CostAwareResults(CONSTRAINED);
        assertTrue(Double.isNaN(results.told(trial(1, 0.9, 6.0, 10)).metric("val_accuracy")));
        assertEquals(0.8, results.told(trial(0, 0.8, 1.0, 10)).metric("val_accuracy"));
        assertTrue(Double.isNaN(results.told(trial(2, 0.8, Double.NaN, 10)).metric("val_accuracy")),
                "an unrecorded cost cannot be shown to meet its bound");
        TrialResult failed = Results.of(3, TrialState.FAILED, Double.NaN, 1, 1);
        assertSame(failed, results.told(failed));
    }

    @Test
    void weightedModeTellsTheMetricMinusTheWeightedCosts() {
        ObjectiveSpec weighted = new ObjectiveSpec(ACCURACY, CombinationMode.WEIGHTED, List.of(), List.of(),
                Map.of(CostMetric.TRAIN_SECONDS, 0.01, CostMetric.NONZERO_WEIGHTS, 1e-4), SelectionRule.BEST, 0);
        CostAwareResults results = new CostAwareResults(weighted);
        TrialResult told = results.told(trial(0, 0.9, 2.0, 1000));
        assertEquals(0.9 - 0.02 - 0.1, told.metric("val_accuracy"), 1e-12);
        assertEquals(told.metric("val_accuracy"), results.annotate(trial(0, 0.9, 2.0, 1000))
                .metric(CostAwareResults.SCALARIZED), 1e-12);
        Criterion logLoss = new Criterion("val_log_loss", false);
        ObjectiveSpec minimized = new ObjectiveSpec(logLoss, CombinationMode.WEIGHTED, List.of(), List.of(),
                Map.of(CostMetric.EPOCHS, 0.5), SelectionRule.BEST, 0);
        TrialResult r = new TrialResult(1, 0, "t", TrialState.COMPLETE, trial(0, 0, 0, 0).configuration(),
                Map.of("val_log_loss", 0.3, "epochs", 4.0), 1L, null);
        assertEquals(0.3 + 2.0, new CostAwareResults(minimized).told(r).metric("val_log_loss"), 1e-12);
    }
}
