package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.Metric;

class BestTrialTest {
    private static TrialResult result(int id, TrialState state, double accuracy, double logLoss, double trainLoss) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", accuracy);
        if (!Double.isNaN(logLoss)) {
            metrics.put(BestTrial.TIE_BREAKER, logLoss);
        }
        metrics.put("train_loss", trainLoss);
        return new TrialResult(id, 0, "grid", state, Configuration.empty(), metrics, id,
                state == TrialState.FAILED ? "diverged" : null);
    }

    @Test
    void tiesOnAccuracyGoToTheLowerValidationLogLoss() {
        List<TrialResult> results = List.of(result(0, TrialState.COMPLETE, 1.0, 0.30, 0.1),
                result(1, TrialState.COMPLETE, 1.0, 0.05, 0.2), result(2, TrialState.COMPLETE, 0.9, 0.01, 0.0));
        assertEquals(1, BestTrial.of(results, Metric.ACCURACY).orElseThrow().id());
        assertEquals(List.of(1, 0, 2), BestTrial.ranked(results, Metric.ACCURACY).stream().map(TrialResult::id)
                .toList());
    }

    @Test
    void withoutLogLossTiesGoToTheLowerTrainingLossThenTheLowerId() {
        List<TrialResult> results = List.of(result(0, TrialState.COMPLETE, 0.8, Double.NaN, 0.5),
                result(1, TrialState.COMPLETE, 0.8, Double.NaN, 0.2), result(2, TrialState.COMPLETE, 0.8, Double.NaN,
                        0.2), result(3, TrialState.FAILED, 0.99, Double.NaN, 0.0));
        assertEquals(List.of(1, 2, 0), BestTrial.ranked(results, Metric.ACCURACY).stream().map(TrialResult::id)
                .toList());
    }
}
