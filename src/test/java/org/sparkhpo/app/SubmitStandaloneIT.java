package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
}
