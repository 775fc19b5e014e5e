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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example configurations conf/bayes.conf, conf/tpe.conf and conf/bohb.conf end to end through
 * {@link HpoJob#run} (Spark local mode) on the embedded data, reduced to 2,000 training rows: each exits 0,
 * journals its phases and writes best.json; a space the Gaussian process cannot handle exits 2 naming the key.
 */
class ModelStrategiesEndToEndTest {
    @TempDir
    static Path output;

    private static List<JsonNode> run(String conf, String runId, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of(conf,
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.output.dir=" + output,
                "--set", "hpo.run-id=" + runId));
        for (String setting : settings) {
            args.add("--set");
            args.add(setting);
        }
        assertEquals(0, HpoJob.run(args.toArray(new String[0])), runId);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve(runId).resolve("trials.jsonl"))) {
            trials.add(mapper.readTree(line));
        }
        assertTrue(Files.exists(output.resolve(runId).resolve("best.json")), runId);
        return trials;
    }

    private static Set<String> phases(List<JsonNode> trials) {
        Set<String> phases = new HashSet<>();
        trials.forEach(t -> phases.add(t.get("phase").asText()));
        return phases;
    }

    @Test
    void bayesAndTpeRunTheirExampleConfigurationsInRounds() throws IOException {
        List<JsonNode> bayes = run("conf/bayes.conf", "bayes", "hpo.training.epochs=2", "hpo.search.trials=9");
        assertEquals(9, bayes.size());
        assertEquals(Set.of("design", "model"), phases(bayes));
        assertEquals(6, bayes.stream().filter(t -> t.get("phase").asText().equals("design")).count(),
                "design of d + 1 = 6 points");
        List<JsonNode> tpe = run("conf/tpe.conf", "tpe", "hpo.training.epochs=2", "hpo.search.trials=9");
        assertEquals(9, tpe.size());
        assertEquals(Set.of("design", "model"), phases(tpe));
    }

    @Test
    void bohbRunsHyperbandWithTheModelSampler() throws IOException {
        List<JsonNode> bohb = run("conf/bohb.conf", "bohb");
        assertTrue(bohb.size() > 10, bohb.size() + " trials");
        assertTrue(phases(bohb).stream().anyMatch(p -> p.startsWith("bracket-")), phases(bohb).toString());
    }

    @Test
    void aSpaceTooWideForTheModelExitsTwoNamingTheKey() {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            values.append(i == 1 ? "" : ", ").append(i * 8);
        }
        JobRun run = JobRun.of("conf/bayes.conf", "--set", "hpo.output.dir=" + output.resolve("wide"),
                "--set", "hpo.search.space=[{name=batch-size, values=[" + values + "]}]");
        String message = run.stderr();
        assertEquals(2, run.code(), message);
        assertTrue(message.contains("hpo.search.space") && message.contains("30 model coordinates"), message);
        assertFalse(Files.exists(output.resolve("wide")), "nothing written");
    }
}
