package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k-fold cross-validation end to end (Spark local[2]): the automatic default on a small CSV file, a
 * derivative-free search over folds, and the resume of a cross-validated run.
 */
class CrossValidationJobTest {
    @TempDir
    static Path dir;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String stderr, Path directory) {
    }

    /** Three overlapping classes in four features, raw scale (one feature in the thousands). */
    private static Path data(String name, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int r = 0; r < rows; r++) {
            int label = r % 3;
            csv.append(label + random.nextGaussian()).append(',')
                    .append(1000.0 * (label == 1 ? 1 : 0) + 800.0 * random.nextGaussian()).append(',')
                    .append(random.nextGaussian()).append(',')
                    .append(-label + 1.5 * random.nextGaussian()).append(',').append(label).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv.toString());
        return file;
    }

    private static Run run(String runId, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.train=" + dir.resolve("train.csv"),
                "--set", "hpo.data.test=" + dir.resolve("test.csv"),
                "--set", "hpo.model.loss=softmax",
                "--set", "hpo.output.dir=" + dir.resolve("runs"),
                "--set", "hpo.run-id=" + runId,
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.search.parallelism=2"));
        args.addAll(Arrays.asList(extra));
        JobRun run = JobRun.of(args);
        return new Run(run.code(), run.stderr(), dir.resolve("runs").resolve(runId));
    }

    private static List<JsonNode> journal(Path run) throws IOException {
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("trials.jsonl"))) {
            trials.add(JSON.readTree(line));
        }
        return trials;
    }

    @BeforeAll
    static void writeData() throws IOException {
        data("train.csv", 240, 1L);
        data("test.csv", 60, 2L);
    }

    @Test
    void aSmallFileIsCrossValidatedOnFiveFoldsByDefault() throws IOException {
        Run run = run("auto");

        assertEquals(0, run.code(), run.stderr());
        List<JsonNode> trials = journal(run.directory());
        assertEquals(16, trials.size(), "the data-driven 4 x 4 grid");
        for (JsonNode trial : trials) {
            JsonNode metrics = trial.get("metrics");
            assertEquals(5, metrics.get("folds").asInt(), trial.toString());
            assertTrue(metrics.get("val_accuracy_std").asDouble() >= 0.0, trial.toString());
            assertTrue(metrics.get("val_accuracy").asDouble() > 0.4, trial.toString());
        }
        String summary = Files.readString(run.directory().resolve("summary.txt"));
        assertTrue(summary.contains("validation: 5-fold stratified cross-validation over 240 rows"), summary);
        JsonNode best = JSON.readTree(run.directory().resolve("best.json").toFile());
        assertEquals(5, best.get("validation").get("folds").asInt(), best.toString());
        assertTrue(best.get("test").get("accuracy").asDouble() > 0.5, best.toString());
    }

    @Test
    void aDerivativeFreeSearchRunsOverFolds() throws IOException {
        Run run = run("nelder-mead", "--set", "hpo.data.folds=3", "--set", "hpo.search.strategy=nelder-mead",
                "--set", "hpo.search.trials=6",
                "--set", "hpo.search.space=[{name=learning-rate, low=0.001, high=1.0, scale=log},"
                        + " {name=l2, low=1e-5, high=0.1, scale=log}]");

        assertEquals(0, run.code(), run.stderr());
        List<JsonNode> trials = journal(run.directory());
        assertEquals(6, trials.size());
        trials.forEach(trial -> assertEquals(3, trial.get("metrics").get("folds").asInt(), trial.toString()));
    }

    @Test
    void aCrossValidatedRunResumesAndRefusesAChangedFoldCount() throws IOException {
        String[] grid = {"--set", "hpo.data.folds=3",
                "--set", "hpo.search.space=[{name=learning-rate, values=[0.01, 0.1, 0.5]}]"};
        assertEquals(0, run("whole", grid).code());
        Path whole = dir.resolve("runs/whole");
        Path crashed = dir.resolve("runs/crashed");
        Files.createDirectories(crashed);
        List<String> lines = Files.readAllLines(whole.resolve("trials.jsonl"));
        Files.writeString(crashed.resolve("trials.jsonl"), lines.get(0) + "\n");
        Files.writeString(crashed.resolve("run.json"), Files.readString(whole.resolve("run.json"))
                .replace("\"whole\"", "\"crashed\"").replace("\"finished\"", "\"running\""));

        List<String> changed = new ArrayList<>(List.of(grid));
        changed.addAll(List.of("--resume", "crashed", "--set", "hpo.data.folds=4"));
        Run refused = run("crashed", changed.toArray(new String[0]));
        List<String> same = new ArrayList<>(List.of(grid));
        same.addAll(List.of("--resume", "crashed"));
        Run resumed = run("crashed", same.toArray(new String[0]));

        assertEquals(2, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("hpo.data: "), refused.stderr());
        assertTrue(refused.stderr().contains("folds=4"), refused.stderr());
        assertEquals(0, resumed.code(), resumed.stderr());
        List<String> journal = Files.readAllLines(crashed.resolve("trials.jsonl"));
        assertEquals(3, journal.size());
        assertEquals(lines.get(0), journal.get(0), "the journaled trial is kept byte for byte");
        assertEquals(JSON.readTree(lines.get(2)).get("metrics").get("val_accuracy"),
                JSON.readTree(journal.get(2)).get("metrics").get("val_accuracy"), "same folds, same result");
    }
}
