package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/nightly.sh} as cron runs it (child processes, Spark local mode): a first night; two runs of
 * the next night started together, of which one runs (warm-started from the first night, compared with it) and
 * the other exits with code 4 naming the lock, while {@code LATEST} always names a finished run directory; a
 * night whose best regressed exits with code 3; and a night whose directory an earlier attempt left unfinished is
 * resumed automatically.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyIT {
    @TempDir
    static Path output;

    private record Result(int code, String log) {
    }

    private static Process start(String name, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/nightly.sh",
                "--set", "hpo.output.dir=" + output,
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.data.test=",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.training.epochs=3",
                "--set", "hpo.search.trials=4",
                "--set", "hpo.search.parallelism=2",
                "--set", "hpo.run-id=" + name));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.resolve(name + "-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(Map.of("SPARK_HPO_MEMORY", "1g"));
        return builder.start();
    }

    private static Result finish(Process process) throws Exception {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nightly.sh did not end within 180 s");
        }
        String log = new String(process.getInputStream().readAllBytes());
        return new Result(process.exitValue(), log);
    }

    private static Result night(String name, String... extra) throws Exception {
        Process process = start(name, extra);
        Result result = finish(process);
        return new Result(result.code(), logOf(name));
    }

    /** @return the newest log of run {@code name} */
    private static String logOf(String name) throws IOException {
        try (var files = Files.list(output)) {
            Path newest = files.filter(p -> p.getFileName().toString().startsWith(name + "-"))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
            return Files.readString(newest);
        }
    }

    private static String latest() throws IOException {
        return Files.readString(output.resolve("LATEST")).trim();
    }

    @Test
    @Order(1)
    void aFirstNightRunsAndBecomesLatest() throws Exception {
        Result first = night("night-1");

        assertEquals(0, first.code(), first.log());
        assertEquals("night-1", latest());
        assertEquals(Path.of("night-1"), Files.readSymbolicLink(output.resolve("latest")));
        assertEquals(4, Files.readAllLines(output.resolve("night-1/trials.jsonl")).size());
    }

    @Test
    @Order(2)
    void twoRunsStartedTogetherOneRunsTheOtherNamesTheLock() throws Exception {
        List<String> incomplete = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                checkLatestIsComplete(incomplete);
            }
        });
        watcher.start();
        Process a = start("night-2");
        Process b = start("night-2");
        int codeA = finish(a).code();
        int codeB = finish(b).code();
        watching.set(false);
        watcher.join();

        assertEquals(List.of(0, 4), codeA < codeB ? List.of(codeA, codeB) : List.of(codeB, codeA));
        String loser = logOf("night-2").contains("locked:") ? logOf("night-2") : otherLog("night-2");
        assertTrue(loser.contains("nightly.lock: held by run 'night-2'"), loser);
        assertTrue(incomplete.isEmpty(), "LATEST named an unfinished run: " + incomplete);
        assertEquals("night-2", latest());
        List<String> journal = Files.readAllLines(output.resolve("night-2/trials.jsonl"));
        assertEquals(7, journal.size(), "3 warm-start trials, then the 4 of the strategy");
        assertEquals(3, journal.stream().filter(line -> line.contains("\"phase\":\"warm-start\"")).count());
        String summary = Files.readString(output.resolve("night-2/summary.txt"));
        assertTrue(summary.contains("previous run  night-1: best val_accuracy"), summary);
        assertTrue(Files.readString(output.resolve("night-2/report.html")).contains("\"previous_run\":\"night-1\""),
                "the nightly report links the previous night's run");
        assertTrue(Files.exists(output.resolve("night-2/run.json")));
    }

    @Test
    @Order(3)
    void aRegressionBeyondTheThresholdExitsWithThree() throws Exception {
        Result regressed = night("night-3", "--set", "hpo.nightly.max-regression=0.0",
                "--set", "hpo.nightly.warm-start=0", "--set", "hpo.search.strategy=grid",
                "--set", "hpo.search.space=[{name=learning-rate, values=[1e-7]}]");

        assertEquals(3, regressed.code(), regressed.log());
        assertTrue(regressed.log().contains("more than hpo.nightly.max-regression = 0.0"), regressed.log());
        assertTrue(Files.readString(output.resolve("night-3/summary.txt")).contains(", worse by"));
        assertEquals("night-3", latest(), "the regressed run is complete, so LATEST names it");
    }

    @Test
    @Order(4)
    void anUnfinishedNightIsResumedAutomatically() throws Exception {
        Path night = Files.createDirectories(output.resolve("night-4"));
        List<String> kept = Files.readAllLines(output.resolve("night-1/trials.jsonl")).subList(0, 2);
        Files.writeString(night.resolve("trials.jsonl"), String.join("\n", kept) + "\n");
        Files.writeString(night.resolve("run.json"), Files.readString(output.resolve("night-1/run.json"))
                .replace("\"night-1\"", "\"night-4\"").replace("\"finished\"", "\"running\""));

        Result resumed = night("night-4");

        assertEquals(0, resumed.code(), resumed.log());
        List<String> journal = Files.readAllLines(night.resolve("trials.jsonl"));
        assertEquals(kept, journal.subList(0, 2));
        assertEquals(4, journal.size());
        assertTrue(Files.readString(night.resolve("summary.txt"))
                .contains("2 trials replayed from trials.jsonl, 2 run in this attempt"));
        assertEquals("night-4", latest());
    }

    private static String otherLog(String name) throws IOException {
        try (var files = Files.list(output)) {
            Path oldest = files.filter(p -> p.getFileName().toString().startsWith(name + "-"))
                    .min(java.util.Comparator.naturalOrder()).orElseThrow();
            return Files.readString(oldest);
        }
    }

    /** Records LATEST's run when its directory's run.json is not finished. */
    private static void checkLatestIsComplete(List<String> incomplete) {
        try {
            String runId = latest();
            if (!Files.readString(output.resolve(runId).resolve("run.json")).contains("\"finished\"")) {
                incomplete.add(runId);
            }
            Thread.sleep(20);
        } catch (IOException e) {
            incomplete.add("unreadable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
