package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.app.OptimizationLoop;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.report.HadoopCheckpointStore;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.bandit.ConfigurationSampler;
import org.sparkhpo.strategy.bandit.HyperbandStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.trial.Checkpoint;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * Hyperband on Spark with checkpoints in a local run directory: before every round, the checkpoint of each
 * trial a new trial resumes is on disk; promoted trials continue their epochs instead of restarting, and a
 * resumed lineage ends with the metric of the same configuration trained without interruption.
 */
@ExtendWith(LocalSparkExtension.class)
class SparkBanditTest {
    private static final PreparedData DATA = GeneratedData.preparedClusters(800, 300, 8, 4, 3);
    private static final StoppingRules NO_PATIENCE = new StoppingRules(0, 0.0, 1000);
    private static final HyperParameters FIXED = new HyperParameters(0.02, 0.9, true, 32, 20, 1e-4, 0, "cosine",
            0.5, 5);
    private static final TrialRunner RUNNER = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY, NO_PATIENCE, FIXED,
            23L);
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.LEARNING_RATE, 1e-3, 0.3, Scale.LOG, 3)));

    @TempDir
    Path run;

    /** Wraps the Spark evaluator: checks each resumed checkpoint exists on disk when its round starts. */
    private static final class CheckingEvaluator implements TrialEvaluator {
        private final TrialEvaluator inner;
        private final HadoopCheckpointStore store;
        private int resumedChecked;

        CheckingEvaluator(TrialEvaluator inner, HadoopCheckpointStore store) {
            this.inner = inner;
            this.store = store;
        }

        @Override
        public void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResult) {
            for (Trial trial : trials) {
                int resumes = trial.plan().resumes();
                if (resumes >= 0) {
                    assertTrue(store.exists(resumes), "round " + round + ": checkpoint of trial " + resumes
                            + " is on disk before trial " + trial.id() + " resumes it");
                    assertEquals(trial.seed(), store.read(resumes).seed());
                    resumedChecked++;
                }
            }
            inner.evaluate(round, trials, onResult);
        }
    }

    @Test
    void promotedTrialsResumeFromCheckpointsOnDisk(JavaSparkContext context) throws Exception {
        String directory = run.resolve("checkpoints").toUri().toString();
        HadoopCheckpointStore store = new HadoopCheckpointStore(directory, context.hadoopConfiguration());
        HyperbandStrategy strategy = new HyperbandStrategy(3, 1, 9,
                new ConfigurationSampler(() -> new RandomStrategy(SPACE, Integer.MAX_VALUE, 5)), Metric.ACCURACY);
        List<TrialResult> results;
        CheckingEvaluator checking;
        try (SparkTrialEvaluator spark = new SparkTrialEvaluator(context, DATA, RUNNER, "hyperband", directory,
                SparkSettings.AUTO_PACK_SIZE)) {
            checking = new CheckingEvaluator(spark, store);
            results = new OptimizationLoop(strategy, checking, r -> { }, 4, 1000, 42).run();
        }
        assertEquals(strategy.plannedTrials(), results.size());
        Map<Integer, TrialResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        List<TrialResult> resumed = new ArrayList<>();
        for (TrialResult result : results) {
            assertTrue(result.state() != TrialState.FAILED, result.error());
            int from = (int) result.metric("resumed_from_trial");
            assertEquals(result.metric("budget_epochs"), result.metric("epochs"), "trained to its budget");
            if (from < 0) {
                assertEquals(0.0, result.metric("resumed_from_epoch"));
                continue;
            }
            TrialResult earlier = byId.get(from);
            assertEquals(earlier.metric("epochs"), result.metric("resumed_from_epoch"), "epochs continue");
            assertEquals(result.metric("epochs") - earlier.metric("epochs"), result.metric("epochs_trained"));
            assertEquals(earlier.seed(), result.seed());
            assertEquals(TrialState.COMPLETE, earlier.state(), "a resumed trial was promoted");
            assertTrue(result.metric("val_accuracy") >= earlier.metric("val_accuracy"), "best so far never drops");
            Checkpoint checkpoint = store.read(from);
            assertEquals((int) earlier.metric("epochs"), checkpoint.state().epochsDone());
            resumed.add(result);
        }
        assertEquals(resumed.size(), checking.resumedChecked);
        assertEquals(3 + 1 + 1, resumed.size(), "bracket 2 promotes 3 then 1, bracket 1 promotes 1");
        assertTrue(resumed.stream().anyMatch(r -> r.metric("pack_size") >= 2),
                "promoted trials resume from their checkpoints as one pack");
        assertTrue(Files.exists(run.resolve("checkpoints")));
        assertLineageEqualsUninterruptedRun(resumed.get(resumed.size() - 1));
    }

    /** A lineage trained 1 + 2 + 6 epochs across three tasks equals 9 uninterrupted epochs. */
    private static void assertLineageEqualsUninterruptedRun(TrialResult last) {
        assertEquals(9.0, last.metric("epochs"));
        HyperParameters hp = FIXED.with(last.configuration());
        TrainingOutcome uninterrupted = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, NO_PATIENCE,
                DATA.numClasses()).train(DATA.train(), DATA.validation(), hp, RUNNER.orderSeed());
        assertEquals(uninterrupted.bestMetric(), last.metric("val_accuracy"));
        assertEquals(uninterrupted.bestEpoch(), last.metric("best_epoch"));
        assertEquals(uninterrupted.lastTrainLoss(), last.metric("train_loss"), 1e-12);
    }
}
