package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.it.JavaProcess;
import org.sparkhpo.it.StandaloneCluster;
import org.sparkhpo.it.SubmitScript;

/**
 * {@code scripts/submit.sh} through a real {@code spark-submit} ({@link org.sparkhpo.it.SparkHome}'s
 * {@code bin/spark-submit}, which runs Spark's launcher as Spark's own script does) against a real standalone
 * cluster of two one-core workers, started once for the class: client mode and cluster mode (the driver on a
 * worker, its configuration shipped with {@code --files}), each checked by the exit code and the run directory;
 * a driver killed with SIGKILL and resumed through submit.sh without running a journaled trial again;
 * {@code --nightly} through {@code scripts/nightly.sh} with a second submission refused by the lock (exit 4);
 * and bad input (a missing jar, a configuration that does not reach the driver, an output directory that cannot
 * be written) failing with a message that names the file or URI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmitStandaloneIT {
    private static final Duration RUN = Duration.ofSeconds(240);
    private static final String SPACE =
            "[{name=learning-rate, values=[0.003, 0.01, 0.03]}, {name=l2, values=[1e-4, 1e-2]}]";
    private static final int TRIALS = 6;

    @TempDir
    static Path directory;
    private static StandaloneCluster cluster;
    private static SubmitScript scripts;
    private static Path config;
    private static Path runs;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(Files.createDirectories(directory.resolve("cluster")), 2, "2g");
        scripts = new SubmitScript(cluster.sparkHome(), Files.createDirectories(directory.resolve("logs")));
        runs = directory.resolve("runs");
        config = directory.resolve("submit-it.conf");
        Path data = Path.of("data/fashion-mnist-small/train-images-idx3-ubyte.gz").toAbsolutePath();
        Files.writeString(config, String.join("\n",
                "hpo {",
                "  data { train = \"" + data + "\", test = \"\", max-train-rows = 2000 }",
                "  training { epochs = 3, patience = 0 }",
                "  search { strategy = grid, parallelism = 2, space = " + SPACE + " }",
                "  finish.save-model = false",
                "  output.dir = \"" + runs + "\"",
                "}", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** @return submit.sh's arguments for {@code deployMode}, then {@code jobArguments} after "--" */
    private static List<String> submit(String deployMode, String... jobArguments) {
        List<String> command = new ArrayList<>(List.of("scripts/submit.sh", "--master", cluster.masterUrl(),
                "--deploy-mode", deployMode, "--config", config.toString(),
                "--driver-memory", "600m", "--executor-memory", "700m", "--total-executor-cores", "2",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false", "--"));
        command.addAll(List.of(jobArguments));
        return command;
    }

    private static List<String> journal(String runId) throws Exception {
        return Files.readAllLines(runs.resolve(runId).resolve("trials.jsonl"));
    }

    private static long distinctIds(List<String> journal) {
        return journal.stream().map(line -> line.substring(0, line.indexOf(','))).distinct().count();
    }

    private static void assertFinished(String runId, SubmitScript.Result result) throws Exception {
        assertEquals(0, result.code(), result.log());
        List<String> journal = journal(runId);
        assertEquals(TRIALS, journal.size(), String.join("\n", journal));
        assertEquals(TRIALS, distinctIds(journal), "every trial exactly once");
        assertTrue(journal.stream().allMatch(line -> line.contains("\"state\":\"COMPLETE\"")), journal.toString());
        for (String output : List.of("best.json", "trials.csv", "summary.txt", "run.json")) {
            assertTrue(Files.isRegularFile(runs.resolve(runId).resolve(output)), runId + "/" + output);
        }
        assertTrue(Files.readString(runs.resolve(runId).resolve("run.json")).contains("\"finished\""));
    }

    @Test
    @Order(1)
    void clientModeRunsTheJobAndWritesTheRunDirectory() throws Exception {
        SubmitScript.Result result = scripts.run("client", RUN, submit("client",
                "--set", "hpo.run-id=client", "--set", "hpo.finish.save-model=true"));

        assertFinished("client", result);
        assertTrue(Files.isDirectory(runs.resolve("client/model")), "the best model is saved");
    }

    @Test
    @Order(2)
    void clusterModeRunsTheDriverOnAWorkerWithTheShippedConfiguration() throws Exception {
        SubmitScript.Result result = scripts.run("cluster", RUN, submit("cluster", "--set", "hpo.run-id=cluster"));

        assertFinished("cluster", result);
        try (Stream<Path> drivers = Files.find(cluster.directory(), 3,
                (path, attributes) -> path.getFileName().toString().startsWith("driver-"))) {
            assertEquals(1, drivers.count(), "the driver ran in a worker's work directory");
        }
    }

    @Test
    @Order(3)
    void aKilledDriverIsResumedThroughSubmitWithoutRunningAJournaledTrialAgain() throws Exception {
        String[] slower = {"--set", "hpo.run-id=killed", "--set", "hpo.data.max-train-rows=6000",
                "--set", "hpo.training.epochs=8"};
        Path file = runs.resolve("killed/trials.jsonl");
        Process driver = scripts.start("killed", Map.of(), submit("client", slower));
        try {
            JavaProcess.await("2 journaled trials (log: " + scripts.log("killed") + ")", RUN,
                    () -> JavaProcess.lineCount(file) >= 2 || !driver.isAlive());
        } finally {
            SubmitScript.killTree(driver);
        }
        List<String> beforeResume = journal("killed");
        assertTrue(beforeResume.size() >= 2 && beforeResume.size() < TRIALS,
                "the kill must land mid-run: " + beforeResume.size() + " trials\n" + JavaProcess.tail(scripts.log("killed")));

        List<String> resume = new ArrayList<>(List.of(slower));
        resume.addAll(List.of("--resume", "killed"));
        SubmitScript.Result result = scripts.run("resumed", RUN, submit("client", resume.toArray(new String[0])));

        assertFinished("killed", result);
        assertEquals(beforeResume, journal("killed").subList(0, beforeResume.size()), "journaled trials kept verbatim");
        int ran = TRIALS - beforeResume.size();
        String summary = Files.readString(runs.resolve("killed/summary.txt"));
        assertTrue(summary.contains(beforeResume.size() + " trials replayed from trials.jsonl, " + ran
                + " run in this attempt"), summary);
    }

    @Test
    @Order(4)
    void nightlyThroughSubmitRefusesASecondSubmissionWhileTheFirstHoldsTheLock() throws Exception {
        Map<String, String> environment = Map.of("NIGHTLY_MASTER", cluster.masterUrl(),
                "NIGHTLY_CONF", config.toString(),
                "NIGHTLY_SUBMIT_ARGS", "--driver-memory 600m --executor-memory 700m --total-executor-cores 2"
                        + " --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false");
        List<String> night = List.of("scripts/nightly.sh", "--set", "hpo.run-id=night");
        Process first = scripts.start("night-first", environment, night);
        Path lock = runs.resolve("nightly.lock");
        JavaProcess.await("the nightly lock (log: " + scripts.log("night-first") + ")", RUN,
                () -> Files.exists(lock) || !first.isAlive());
        // The first driver (the scripts exec into it) is held still while the second submission starts, however
        // slow the machine, so that the second meets the lock for certain; then it goes on.
        SubmitScript.signal(first, "STOP");
        SubmitScript.Result second;
        try {
            second = scripts.finish("night-second", scripts.start("night-second", environment, night), RUN);
        } finally {
            SubmitScript.signal(first, "CONT");
        }
        SubmitScript.Result winner = scripts.finish("night-first", first, RUN);

        assertEquals(4, second.code(), second.log());
        assertTrue(second.log().contains("nightly.lock: held by run 'night'"), second.log());
        assertFinished("night", winner);
        assertEquals("night", Files.readString(runs.resolve("LATEST")).trim());
        assertFalse(Files.exists(lock), "the lock is released");
    }

    @Test
    @Order(5)
    void aMissingJarIsNamedWithExitTwo() throws Exception {
        Path missing = directory.resolve("no-such-spark-hpo.jar");
        SubmitScript.Result result = scripts.finish("missing-jar",
                scripts.start("missing-jar", Map.of("SPARK_HPO_JAR", missing.toString()), submit("client")), RUN);

        assertEquals(2, result.code(), result.log());
        assertTrue(result.log().contains(missing + " is missing"), result.log());
    }

    @Test
    @Order(6)
    void aConfigurationThatDoesNotReachTheDriverInClusterModeFailsTheSubmissionNamingTheFile() throws Exception {
        SubmitScript.Result result = scripts.run("unreachable", RUN, submit("cluster",
                "conf/not-shipped.conf", "--set", "hpo.run-id=unreachable"));

        assertEquals(1, result.code(), result.log());
        String driverId = result.log().replaceAll("(?s).*Driver successfully submitted as (driver-[0-9-]+).*", "$1");
        assertTrue(result.log().contains("submit.sh: driver " + driverId + " ended FAILED; its messages are in the"
                + " worker's work/" + driverId + "/stderr"), result.log());
        String driverErrors = driverStderr(driverId);
        assertTrue(driverErrors.contains("conf/not-shipped.conf: configuration file does not exist"), driverErrors);
        assertFalse(Files.exists(runs.resolve("unreachable")));
    }

    @Test
    @Order(7)
    void anOutputDirectoryTheClusterCannotWriteIsNamedWithExitTwo() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("a-file"), "not a directory");
        String output = notADirectory.resolve("runs").toString();
        SubmitScript.Result result = scripts.run("unwritable", RUN, submit("client",
                "--set", "hpo.output.dir=" + output, "--set", "hpo.run-id=unwritable"));

        assertEquals(2, result.code(), result.log());
        assertTrue(result.log().contains("hpo.output.dir: '" + output + "' cannot be written"), result.log());
    }

    /** @return the stderr of driver {@code driverId}, from its worker's work directory */
    private static String driverStderr(String driverId) throws Exception {
        try (Stream<Path> found = Files.find(cluster.directory(), 3,
                (path, attributes) -> path.getFileName().toString().equals(driverId))) {
            Path driverDirectory = found.findFirst().orElseThrow(() -> new AssertionError("no " + driverId));
            return Files.readString(driverDirectory.resolve("stderr"));
        }
    }
}
