package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.spark.SparkSessions;

/**
 * The systems hyperparameters end to end on the embedded Fashion-MNIST subset in local mode: a run that tunes
 * {@code precision} over double storage trains float and double trials in one run (both COMPLETE, within a
 * point of accuracy of each other, core-seconds = train seconds x threads with {@code threads = 2} and
 * {@code spark.task.cpus} following it); tuning {@code threads} in local mode, or {@code precision} over float
 * storage, exits 2 naming the key.
 */
class SystemsHyperparametersJobTest {
    @TempDir
    Path output;

    /** Each run starts its own session: spark.task.cpus is set when a local session starts. */
    @BeforeEach
    @AfterEach
    void stopSpark() {
        SparkSessions.stopActive();
    }

    private int run(String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of("conf/local.conf",
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.data.test=",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.output.report=false",
                "--set", "hpo.training.epochs=3",
                "--set", "hpo.output.dir=" + output, "--set", "hpo.run-id=" + runId));
        for (String setting : extra) {
            args.addAll(List.of("--set", setting));
        }
        return HpoJob.run(args.toArray(new String[0]));
    }

    @Test
    void floatAndDoubleTrialsOnTwoThreadsInOneRun() throws IOException {
        int code = run("precision", "hpo.data.precision=double", "hpo.training.threads=2",
                "hpo.cost.metrics=[core_seconds]",
                "hpo.search.space=[{name=precision, values=[float, double]}, {name=learning-rate, values=[0.01]}]");

        assertEquals(0, code);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve("precision/trials.jsonl"))) {
            trials.add(json.readTree(line));
        }
        assertEquals(2, trials.size());
        assertEquals(List.of("float", "double"), trials.stream().map(t -> t.get("params").get("precision").asText())
                .sorted((a, b) -> b.compareTo(a)).toList());
        for (JsonNode trial : trials) {
            JsonNode metrics = trial.get("metrics");
            assertEquals("COMPLETE", trial.get("state").asText(), trial.toString());
            assertEquals(2.0, metrics.get("threads").asDouble(), trial.toString());
            assertEquals(2 * metrics.get("train_seconds").asDouble(), metrics.get("core_seconds").asDouble(), 1e-9);
        }
        double a = trials.get(0).get("metrics").get("val_accuracy").asDouble();
        double b = trials.get(1).get("metrics").get("val_accuracy").asDouble();
        assertTrue(a > 0.6 && Math.abs(a - b) < 0.01, a + " vs " + b);
    }

    @Test
    void tunableThreadsInLocalModeExitsTwo() {
        assertEquals(2, run("threads", "hpo.search.space=[{name=threads, values=[1, 2]}]"));
        Path journal = output.resolve("threads/trials.jsonl");
        assertTrue(!Files.exists(journal) || readQuietly(journal).isEmpty(), "no trial ran");
    }

    @Test
    void tunablePrecisionOverFloatStorageExitsTwo() {
        assertEquals(2, run("float", "hpo.search.space=[{name=precision, values=[float, double]}]"));
        assertFalse(Files.exists(output.resolve("float")), "refused before the run directory is made");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
