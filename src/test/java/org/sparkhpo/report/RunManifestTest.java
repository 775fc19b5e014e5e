package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;

/** {@code run.json}: written atomically, read back equal, and a broken one is an input error naming the file. */
class RunManifestTest {
    @TempDir
    Path dir;

    private static RunManifest manifest() {
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("learning-rate", 0.01);
        warm.put("batch-size", 64);
        warm.put("nesterov", true);
        return new RunManifest("r1", RunManifest.RUNNING, -3L, "random", 12, 2,
                Map.of("hpo.search.space", "SearchSpace[parameters=[]]"),
                List.of(new org.sparkhpo.space.Configuration(warm)), "2025-01-01T00:00:00Z");
    }

    @Test
    void writtenManifestReadsBackEqualAndFinishedOnlyChangesTheStatus() {
        RunDirectory run = RunDirectory.create(dir.toString(), "r1", new Configuration());
        assertTrue(RunManifest.read(run).isEmpty());

        manifest().write(run);
        RunManifest read = RunManifest.read(run).orElseThrow();
        manifest().finished().write(run);
        RunManifest finished = RunManifest.read(run).orElseThrow();

        assertEquals(manifest(), read);
        assertTrue(finished.isFinished());
        assertEquals(manifest(), new RunManifest(finished.runId(), RunManifest.RUNNING, finished.seed(),
                finished.strategy(), finished.trials(), finished.parallelism(), finished.settings(),
                finished.warmStart(), finished.started()));
    }

    @Test
    void aBrokenManifestIsAnInputErrorNamingTheFile() throws Exception {
        RunDirectory run = RunDirectory.create(dir.toString(), "r2", new Configuration());
        Files.writeString(dir.resolve("r2/run.json"), "{\"run_id\":\"r2\"}");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunManifest.read(run));

        assertTrue(e.getMessage().contains("r2/run.json: not a run manifest"), e.getMessage());
    }

    @Test
    void anUnknownStatusIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunManifest("r",
                "done", 1, "grid", 1, 1, Map.of(), List.of(), "t"));
        assertTrue(e.getMessage().contains("status 'done'"), e.getMessage());
    }
}
