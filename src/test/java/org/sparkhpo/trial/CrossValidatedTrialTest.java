package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.Task;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

/** A trial under k-fold cross-validation: trained once per fold, its result the folds' results combined. */
class CrossValidatedTrialTest {
    /** Overlapping clusters, so that accuracies stay below 1 and differ from fold to fold. */
    private static final double[][] CENTERS = {{1, 0}, {-1, 0}, {0, 1}};

    private static PreparedData fold(int seed) {
        return new PreparedData(GeneratedData.clusters(300, CENTERS, seed),
                GeneratedData.clusters(100, CENTERS, seed + 100), null, Task.MULTICLASS, 3, null);
    }

    @Test
    void theObjectiveIsTheMeanOfTheFoldsTrainedAloneAndItsSpreadIsJournaled() {
        List<PreparedData> folds = List.of(fold(1), fold(2), fold(3));
        PreparedData data = new PreparedData(folds.get(0).train(), folds.get(0).validation(), null,
                Task.MULTICLASS, 3, null, null, folds.subList(1, 3));
        TrialRunner runner = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY, TrialRunnerTest.STOPPING,
                TrialRunnerTest.FIXED, 3L);
        List<Trial> trials = List.of(TrialRunnerTest.trial(0, Configuration.empty().with("learning-rate", 0.1)),
                TrialRunnerTest.trial(1, Configuration.empty().with("learning-rate", 0.02)));

        List<TrialResult> combined = runner.runPack(trials, data, null);

        for (int t = 0; t < trials.size(); t++) {
            int trial = t;
            List<TrialResult> alone = folds.stream().map(f -> runner.run(trials.get(trial), f)).toList();
            double[] accuracies = alone.stream().mapToDouble(r -> r.metric("val_accuracy")).toArray();
            double mean = (accuracies[0] + accuracies[1] + accuracies[2]) / 3.0;
            double variance = 0.0;
            for (double a : accuracies) {
                variance += (a - mean) * (a - mean) / 3.0;
            }
            TrialResult result = combined.get(t);
            assertEquals(TrialState.COMPLETE, result.state(), result.error());
            assertEquals(mean, result.metric("val_accuracy"), 1e-12);
            assertEquals(Math.sqrt(variance), result.metric("val_accuracy_std"), 1e-12);
            assertEquals(3.0, result.metric(MetricKeys.FOLDS));
            assertEquals(Math.round(alone.stream().mapToDouble(r -> r.metric("best_epoch")).average().orElseThrow()),
                    result.metric("best_epoch"));
            assertEquals(alone.stream().mapToInt(r -> r.curve().size()).max().orElseThrow(), result.curve().size());
        }
        assertTrue(combined.get(0).metric("val_accuracy_std") > 0.0, "three different folds give a spread");
        assertTrue(combined.get(0).metric("val_accuracy") < 1.0, "overlapping clusters");
    }

    @Test
    void aTrialFailsWhenAnyFoldFailsAndTheErrorNamesTheFold() {
        Trial trial = TrialRunnerTest.trial(0, Configuration.empty());
        TrialResult good = new TrialResult(0, 1, "grid", TrialState.COMPLETE, Configuration.empty(),
                java.util.Map.of("val_accuracy", 0.9), trial.seed(), null);
        TrialResult bad = TrialResult.failed(trial, "diverged at epoch 2", java.util.Map.of("epochs", 2.0));

        TrialResult result = FoldAverage.combine(trial, List.of(good, bad, good), "val_accuracy");

        assertEquals(TrialState.FAILED, result.state());
        assertEquals("fold 2 of 3: diverged at epoch 2", result.error());
        assertEquals(3.0, result.metric(MetricKeys.FOLDS));
    }

    @Test
    void trainSecondsAddUpAndTheCurveAveragesTheFoldsThatReachEachEpoch() {
        Trial trial = TrialRunnerTest.trial(0, Configuration.empty());
        TrialResult shortRun = new TrialResult(0, 1, "grid", TrialState.COMPLETE, Configuration.empty(),
                java.util.Map.of("val_accuracy", 0.8, "train_seconds", 1.5), trial.seed(), null, List.of(0.7, 0.8));
        TrialResult longRun = new TrialResult(0, 1, "grid", TrialState.COMPLETE, Configuration.empty(),
                java.util.Map.of("val_accuracy", 0.9, "train_seconds", 2.0), trial.seed(), null,
                List.of(0.5, 0.6, 0.9));

        TrialResult result = FoldAverage.combine(trial, List.of(shortRun, longRun), "val_accuracy");

        assertEquals(3.5, result.metric("train_seconds"), 1e-12);
        assertEquals(0.85, result.metric("val_accuracy"), 1e-12);
        assertEquals(0.05, result.metric("val_accuracy_std"), 1e-12);
        assertEquals(List.of(0.6, 0.7, 0.9), result.curve().stream().map(v -> Math.round(v * 1e9) / 1e9).toList());
    }
}
