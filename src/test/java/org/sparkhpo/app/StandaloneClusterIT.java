package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.it.JavaProcess;
import org.sparkhpo.it.StandaloneCluster;
import org.sparkhpo.spark.SparkSessions;

/**
 * The job on a real Spark standalone cluster (a master and two one-core workers started from the Maven classpath,
 * see {@link StandaloneCluster}), shipping the shaded jar with {@code spark.jars}: trials run on both workers and
 * a diverging trial is FAILED once (one task, no retry); then one worker is killed in the middle of a round and
 * the job still completes with every trial journaled exactly once. The cluster is stopped in {@link #stop()},
 * which JUnit runs also when a test or the start-up fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    @TempDir
    static Path directory;
    private static StandaloneCluster cluster;

    /** What the driver saw: task ends per executor id, removed executors. */
    private static final class Recorder extends SparkListener {
        final Map<String, AtomicInteger> tasksByExecutor = new ConcurrentHashMap<>();
        final List<String> removedExecutors = new CopyOnWriteArrayList<>();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            tasksByExecutor.computeIfAbsent(taskEnd.taskInfo().executorId(), id -> new AtomicInteger())
                    .incrementAndGet();
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
            removedExecutors.add(removed.executorId());
        }

        int tasks() {
            return tasksByExecutor.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(Files.createDirectories(directory.resolve("cluster")), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        SparkSessions.stopActive();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Starts a driver session on the cluster and waits until both executors have registered. */
    private static Recorder session() throws InterruptedException {
        SparkSession session = SparkSession.builder()
                .config(SparkSessions.configure(new org.apache.spark.SparkConf(),
                        new SparkSettings(cluster.masterUrl(), "standalone-cluster-it", "WARN",
                                SparkSettings.AUTO_PACK_SIZE)))
                .config("spark.jars", System.getProperty("hpo.shaded.jar"))
                .config("spark.executor.extraJavaOptions", String.join(" ", JavaProcess.sparkJvmOptions()))
                .config("spark.executor.memory", "700m")
                .config("spark.cores.max", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        Recorder recorder = new Recorder();
        session.sparkContext().addSparkListener(recorder);
        JavaProcess.await("two executors (logs in " + cluster.directory() + ")", Duration.ofSeconds(90),
                () -> session.sparkContext().statusTracker().getExecutorInfos().length == 3);
        return recorder;
    }

    private static String[] job(String runId, String space, String... extra) {
        List<String> args = new ArrayList<>(List.of("conf/local.conf",
                "--set", "hpo.data.max-train-rows=3000",
                "--set", "hpo.data.test=",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.training.epochs=4",
                "--set", "hpo.training.patience=0",
                "--set", "hpo.search.parallelism=2",
                "--set", "hpo.search.space=" + space,
                "--set", "hpo.output.dir=" + directory.resolve("runs"),
                "--set", "hpo.run-id=" + runId));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    private static List<String> journal(String runId) throws Exception {
        return Files.readAllLines(directory.resolve("runs").resolve(runId).resolve("trials.jsonl"));
    }

    private static long distinctIds(List<String> journal) {
        return journal.stream().map(line -> line.substring(0, line.indexOf(','))).distinct().count();
    }

    @Test
    @Order(1)
    void trialsRunOnBothWorkersAndADivergingTrialFailsOnce() throws Exception {
        Recorder recorder = session();

        int code = HpoJob.run(job("both", "[{name=learning-rate, values=[0.001, 0.01, 1e9]}, {name=l2, values=[1e-4, 1e-2]}]"));

        assertEquals(0, code);
        List<String> journal = journal("both");
        assertEquals(6, journal.size());
        assertEquals(6, distinctIds(journal));
        assertEquals(2, recorder.tasksByExecutor.size(), "tasks by executor: " + recorder.tasksByExecutor);
        assertEquals(6, recorder.tasks(), "one task per trial, none retried: " + recorder.tasksByExecutor);
        List<String> failed = journal.stream().filter(line -> line.contains("\"state\":\"FAILED\"")).toList();
        assertEquals(2, failed.size(), String.join("\n", journal));
        assertTrue(failed.stream().allMatch(line -> line.contains("\"learning-rate\":1.0E9")), failed.toString());
    }

    @Test
    @Order(2)
    void killingAWorkerMidRoundStillJournalsEveryTrialOnce() throws Exception {
        Recorder recorder = session();
        AtomicInteger code = new AtomicInteger(-1);
        Thread driver = new Thread(() -> code.set(HpoJob.run(job("killed",
                "[{name=learning-rate, values=[0.001, 0.003, 0.01, 0.03]}, {name=l2, values=[1e-4, 1e-2]}]",
                "--set", "hpo.training.epochs=8"))), "driver");
        driver.start();
        Path file = directory.resolve("runs/killed/trials.jsonl");
        JavaProcess.await("2 journaled trials", Duration.ofSeconds(120),
                () -> JavaProcess.lineCount(file) >= 2 || !driver.isAlive());
        int linesAtKill = JavaProcess.lineCount(file);
        int killed = cluster.killWorker(1);
        driver.join(Duration.ofSeconds(240).toMillis());

        assertEquals(0, code.get(), "the job completes without the worker");
        assertTrue(linesAtKill < 8, "the kill must land mid-run: " + linesAtKill + " trials journaled");
        assertTrue(killed >= 2, "the worker and its executor were killed: " + killed);
        List<String> journal = journal("killed");
        assertEquals(8, journal.size());
        assertEquals(8, distinctIds(journal), "every trial exactly once");
        Set<String> states = journal.stream().map(line -> line.replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("COMPLETE"), states);
        assertEquals(1, recorder.removedExecutors.size(), "the lost executor: " + recorder.removedExecutors);
    }
}
