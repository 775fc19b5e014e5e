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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/hyperband.conf end to end on 2,000 embedded rows: every rung evaluation is journaled once, losers as
 * PRUNED with their rung and epochs, promoted trials continue the epochs of the trial they resume, the
 * checkpoints are deleted at the end (keep-checkpoints = false) and summary.txt reports the rungs.
 */
class BanditJobTest {
    @TempDir
    static Path output;

    @Test
    void hyperbandJournalsRungsAndDeletesItsCheckpoints() throws IOException {
        int exit = HpoJob.run(new String[] {"conf/hyperband.conf", "--set", "hpo.spark.master=local[2]",
            "--set", "hpo.data.max-train-rows=2000", "--set", "hpo.output.dir=" + output,
            "--set", "hpo.run-id=hb", "--set", "hpo.finish.save-model=false"});
        assertEquals(0, exit);
        Path run = output.resolve("hb");
        ObjectMapper json = new ObjectMapper();
        Map<Integer, JsonNode> byId = new HashMap<>();
        List<String> lines = Files.readAllLines(run.resolve("trials.jsonl"));
        for (String line : lines) {
            JsonNode trial = json.readTree(line);
            assertTrue(byId.put(trial.get("id").asInt(), trial) == null, "each trial once");
        }
        assertEquals(22, lines.size(), "hyperband eta 3, 1..9 epochs: 9+3+1 + 5+1 + 3 rung evaluations");
        List<JsonNode> pruned = new ArrayList<>();
        for (JsonNode trial : byId.values()) {
            JsonNode metrics = trial.get("metrics");
            assertEquals(metrics.get("budget_epochs").asDouble(), metrics.get("epochs").asDouble());
            int from = metrics.get("resumed_from_trial").asInt();
            if (from >= 0) {
                JsonNode earlier = byId.get(from).get("metrics");
                assertEquals(earlier.get("epochs").asDouble(), metrics.get("resumed_from_epoch").asDouble());
                assertEquals("COMPLETE", byId.get(from).get("state").asText());
            }
            if (trial.get("state").asText().equals("PRUNED")) {
                pruned.add(trial);
                assertTrue(metrics.get("epochs").asInt() < 9, "pruned below max-epochs");
                assertTrue(metrics.has("rung"));
            }
        }
        assertEquals(6 + 2 + 4, pruned.size());
        assertFalse(Files.exists(run.resolve("checkpoints")), "checkpoints deleted at the end");
        String summary = Files.readString(run.resolve("summary.txt"));
        assertTrue(summary.matches("(?s).*bracket-2/rung-0 +9 trials to 1 epochs: 3 complete, 6 pruned.*"), summary);
        assertTrue(summary.contains("epochs trained: 69 (without resuming checkpoints: 78)"), summary);
    }
}
