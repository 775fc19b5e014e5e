package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.TaskResourceRequest;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerResourceProfileAdded;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.it.JavaProcess;
import org.sparkhpo.it.StandaloneCluster;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.spark.SparkSessions;
import org.sparkhpo.spark.SparkTrialEvaluator;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * {@code threads} on a real standalone cluster of one worker with 2 cores (one 2-core executor, no dynamic
 * allocation): a round of two 1-thread and two 2-thread trials (one per task) runs as two stages; the 2-thread
 * stage carries a task resource profile of 2 cpus (as the listener reports it), and each of its tasks holds both
 * cores, so it never runs at the same time as any other task, while the two 1-thread tasks do run at the same
 * time (the control that shows the overlap check can fail). Each trial notes, on the executor, when it began and
 * ended ({@link Timed}; the build's class directories are on the executors' classpath through
 * {@code spark.executor.extraClassPath}, as the executors run on this machine); the driver's
 * own task end times lag behind the moment Spark frees a task's cores by the result's handling. And a round of one
 * trial with idle cores lent trains on both cores through a 2-cpu task profile.
 */
class ThreadsPerTrialIT {
    private static final long TRIAL_MILLIS = 1500;
    @TempDir
    static Path directory;
    private static StandaloneCluster cluster;

    /** A trial that holds its task for {@link #TRIAL_MILLIS} and reports when it ran (executor clock). */
    static final class Timed implements Objective {
        private static final long serialVersionUID = 1L;

        @Override
        public int threads(Trial trial) {
            return ((Number) trial.configuration().get("threads")).intValue();
        }

        @Override
        public TrialResult run(Trial trial, PreparedData data) {
            long begin = System.currentTimeMillis();
            try {
                Thread.sleep(TRIAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("begin", (double) begin);
            metrics.put("end", (double) System.currentTimeMillis());
            metrics.put("threads", (double) threads(trial));
            return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.COMPLETE,
                    trial.configuration(), metrics, trial.seed(), null);
        }
    }

    /** Each profile's task cpus, as the listener bus reports them. */
    private static final class Profiles extends SparkListener {
        final Map<Integer, Double> cpusOfProfile = new ConcurrentHashMap<>();
        final Map<Integer, Integer> profileOfStage = new ConcurrentHashMap<>();

        @Override
        public void onResourceProfileAdded(SparkListenerResourceProfileAdded added) {
            scala.Option<TaskResourceRequest> cpus = added.resourceProfile().taskResources().get("cpus");
            cpusOfProfile.put(added.resourceProfile().id(), cpus.isDefined() ? cpus.get().amount() : 1.0);
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            profileOfStage.put(submitted.stageInfo().stageId(), submitted.stageInfo().resourceProfileId());
        }
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(Files.createDirectories(directory.resolve("cluster")), 1, "2g", 2);
    }

    @AfterAll
    static void stop() throws Exception {
        SparkSessions.stopActive();
        if (cluster != null) {
            cluster.close();
        }
    }

    private static boolean overlap(TrialResult a, TrialResult b) {
        return a.metric("begin") < b.metric("end") && b.metric("begin") < a.metric("end");
    }

    /**
     * The session on the cluster, made by the first test that needs it: one executor of 2 cores, with
     * {@code spark.executor.cores} set so that idle cores may be lent through a task profile.
     */
    private static SparkSession session() throws Exception {
        SparkSession session = SparkSession.builder()
                .config(SparkSessions.configure(new org.apache.spark.SparkConf(),
                        new SparkSettings(cluster.masterUrl(), "threads-it", "WARN", 1)))
                .config("spark.jars", System.getProperty("hpo.shaded.jar"))
                .config("spark.executor.extraClassPath", Path.of("target/classes").toAbsolutePath() + ":"
                        + Path.of("target/test-classes").toAbsolutePath())
                .config("spark.executor.extraJavaOptions", String.join(" ", JavaProcess.sparkJvmOptions()))
                .config("spark.executor.memory", "1g")
                .config("spark.executor.cores", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        JavaProcess.await("one executor (logs in " + cluster.directory() + ")", Duration.ofSeconds(90),
                () -> session.sparkContext().statusTracker().getExecutorInfos().length == 2);
        return session;
    }

    /**
     * Evaluates one round on the cluster, with each of its stages' task cpus noted in {@code profiles}.
     *
     * @param packSize the evaluator's pack size (1: one trial per task)
     * @param lend whether the round lends idle cores
     */
    private static List<TrialResult> evaluate(Objective runner, PreparedData data, List<Trial> trials, int packSize,
                                              boolean lend, Profiles profiles) throws Exception {
        SparkSession session = session();
        session.sparkContext().addSparkListener(profiles);
        List<TrialResult> results = new ArrayList<>();
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(
                JavaSparkContext.fromSparkContext(session.sparkContext()), data, runner, "grid", null, packSize)) {
            evaluator.lendIdleCores(lend);
            evaluator.evaluate(0, trials, results::addAll);
        } finally {
            session.sparkContext().removeSparkListener(profiles);
        }
        return results;
    }

    /** @return the task cpus of each stage the listener saw */
    private static List<Double> stageCpus(Profiles profiles) {
        return profiles.profileOfStage.values().stream().map(id -> profiles.cpusOfProfile.getOrDefault(id, 1.0))
                .sorted().toList();
    }

    /**
     * A round of one trial on the 2-core executor, with idle cores lent: the trial trains (for real) on 2 threads,
     * and its stage holds both cores through a task profile of 2 cpus.
     */
    @Test
    void aRoundOfOneTrialIsLentTheIdleCoreThroughATaskProfile() throws Exception {
        TrialRunner runner = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(0, 1e-4, 1000),
                new HyperParameters(0.05, 0.9, false, 32, 3, 1e-4, 0, "constant", 0.5, 5), 19L);
        Profiles profiles = new Profiles();
        List<TrialResult> results = evaluate(runner, GeneratedData.preparedClusters(400, 100, 6, 3, 7),
                List.of(new Trial(0, 0, Configuration.empty(), TrialSeeds.of(3, 0), "grid")), 0, true, profiles);
        assertEquals(1, results.size());
        assertEquals(TrialState.COMPLETE, results.get(0).state(), String.valueOf(results.get(0).error()));
        assertEquals(2.0, results.get(0).metric("threads"));
        assertTrue(results.get(0).metric("val_accuracy") > 0.9, results.get(0).metrics().toString());
        assertEquals(List.of(2.0), stageCpus(profiles),
                "task cpus of the round's stage: " + profiles.profileOfStage + " " + profiles.cpusOfProfile);
    }

    @Test
    void aTwoThreadTrialHoldsBothCoresOfItsExecutor() throws Exception {
        List<Trial> trials = new ArrayList<>();
        int[] threads = {1, 2, 1, 2};
        for (int id = 0; id < threads.length; id++) {
            trials.add(new Trial(id, 0, Configuration.empty().with("threads", threads[id]), TrialSeeds.of(3, id),
                    "grid"));
        }
        Profiles profiles = new Profiles();
        List<TrialResult> results = evaluate(new Timed(), GeneratedData.preparedClusters(100, 50, 4, 2, 1), trials, 1,
                false, profiles);

        assertEquals(4, results.size());
        List<TrialResult> two = results.stream().filter(r -> r.metric("threads") == 2.0).toList();
        List<TrialResult> one = results.stream().filter(r -> r.metric("threads") == 1.0).toList();
        for (TrialResult trial : two) {
            for (TrialResult other : results) {
                assertTrue(trial == other || !overlap(trial, other), "trial " + trial.id() + " (2 threads) ran"
                        + " beside trial " + other.id() + ": " + trial.metrics() + " " + other.metrics());
            }
        }
        assertTrue(overlap(one.get(0), one.get(1)), "the two 1-thread trials share the two cores: "
                + one.get(0).metrics() + " " + one.get(1).metrics());
        assertEquals(List.of(1.0, 2.0), stageCpus(profiles), "task cpus of the round's two stages: "
                + profiles.profileOfStage + " " + profiles.cpusOfProfile);
    }
}
