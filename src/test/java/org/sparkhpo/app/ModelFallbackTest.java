package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When retraining the best configuration on train + validation diverges, the job falls back to the best
 * trial's own best-epoch weights, says so in summary.txt and best.json, and exits 0; when no model can be
 * trained at all, it exits 1 with a one-line message and every trial journaled.
 */
class ModelFallbackTest {
    @TempDir
    Path dir;

    /** Two well separated classes in two features; {@code outlier} adds a row of huge values. */
    private Path data(String name, int rows, long seed, boolean outlier) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int r = 0; r < rows; r++) {
            int label = r % 2;
            csv.append(2 * label - 1 + 0.5 * random.nextGaussian()).append(',')
                    .append(random.nextGaussian()).append(',').append(label).append('\n');
        }
        if (outlier) {
            // Standardization is fitted on train, so this row stays huge: trials only score it, retraining
            // on train + validation takes gradient steps on it and diverges.
            csv.append("1e9,-1e9,0\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv.toString());
        return file;
    }

    private record Run(int code, String stderr, Path directory) {
    }

    private Run run(Path validation, String space) throws IOException {
        JobRun run = JobRun.of(
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.train=" + data("train.csv", 120, 1L, false),
                "--set", "hpo.data.validation=" + validation,
                "--set", "hpo.data.test=" + data("test.csv", 40, 3L, false),
                "--set", "hpo.model.loss=logistic",
                "--set", "hpo.output.dir=" + dir.resolve("runs"),
                "--set", "hpo.run-id=r",
                "--set", "hpo.training.epochs=5",
                "--set", "hpo.search.space=" + space);
        return new Run(run.code(), run.stderr(), dir.resolve("runs/r"));
    }

    @Test
    void retrainingThatDivergesFallsBackToTheBestTrialsOwnWeights() throws IOException {
        Run run = run(data("validation.csv", 40, 2L, true), "[{name=learning-rate, values=[0.1, 0.5]}]");
        assertEquals(0, run.code(), run.stderr());
        JsonNode finalModel = new ObjectMapper().readTree(run.directory().resolve("best.json").toFile())
                .get("final_model");
        assertTrue(finalModel.get("fallback").asBoolean(), finalModel.toString());
        assertTrue(finalModel.get("source").asText().startsWith("best-epoch weights of trial"), finalModel.toString());
        assertTrue(finalModel.get("failures").get(0).asText().contains("on train+validation failed"));
        String summary = Files.readString(run.directory().resolve("summary.txt"));
        assertTrue(summary.contains("fallback: retraining trial"), summary);
        assertTrue(summary.contains("final model: best-epoch weights of trial"), summary);
        assertTrue(Files.exists(run.directory().resolve("model/metadata")));
    }

    @Test
    void noModelAtAllExitsOneWithOneLineAndEveryTrialJournaled() throws IOException {
        Run run = run(data("validation.csv", 40, 2L, false), "[{name=learning-rate, values=[1e7, 1e8]}]");
        assertEquals(1, run.code(), run.stderr());
        List<String> stderr = run.stderr().lines().filter(l -> l.startsWith("spark-hpo:")).toList();
        assertEquals(1, stderr.size(), run.stderr());
        assertTrue(stderr.get(0).startsWith("spark-hpo: failed: no trial completed"), stderr.get(0));
        assertFalse(run.stderr().contains("\tat "), "no stack trace");
        assertEquals(2, Files.readAllLines(run.directory().resolve("trials.jsonl")).size());
        assertTrue(Files.readString(run.directory().resolve("summary.txt")).contains("final model: none"));
    }
}
