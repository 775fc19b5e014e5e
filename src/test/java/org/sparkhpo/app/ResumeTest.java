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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} in process, on a run whose directory is cut back to what a crash after three trials leaves
 * (three journal lines, {@code run.json} still {@code running}, no final outputs): the journaled lines survive
 * byte for byte (so they were not run again; their timings would differ), the other trials are run, the best
 * trial equals an uninterrupted run's, and settings that would change the trials are refused with exit code 2
 * naming the key. The real {@code kill -9} of a driver process is in {@code DriverKillIT}.
 */
class ResumeTest {
    @TempDir
    static Path output;

    private static final List<String> COMMON = List.of(
            "conf/local.conf",
            "--set", "hpo.spark.master=local[2]",
            "--set", "hpo.data.max-train-rows=1500",
            "--set", "hpo.data.test=",
            "--set", "hpo.finish.save-model=false",
            "--set", "hpo.training.epochs=3",
            "--set", "hpo.search.parallelism=2",
            "--set", "hpo.search.space=[{name=learning-rate, values=[0.001, 0.01, 0.1]}, {name=l2, values=[1e-4, 1e-2]}]");

    private record Run(int code, String stderr) {
    }

    private static Run run(String... extra) {
        List<String> args = new ArrayList<>(COMMON);
        args.addAll(List.of("--set", "hpo.output.dir=" + output));
        args.addAll(Arrays.asList(extra));
        JobRun run = JobRun.of(args);
        return new Run(run.code(), run.stderr());
    }

    /**
     * Copies the uninterrupted run to {@code runId} and leaves the copy as a crash after its first {@code kept}
     * trials would: the journal's first lines, {@code run.json} still running, no final outputs.
     *
     * @return the journal lines kept
     */
    static List<String> crashedCopy(String runId, int kept) throws IOException {
        return crashedCopy("whole", runId, kept);
    }

    /** As {@link #crashedCopy(String, int)}, from the uninterrupted run {@code source}. */
    static List<String> crashedCopy(String source, String runId, int kept) throws IOException {
        Path run = output.resolve(runId);
        Files.createDirectories(run);
        Path whole = output.resolve(source);
        List<String> lines = Files.readAllLines(whole.resolve("trials.jsonl")).subList(0, kept);
        Files.writeString(run.resolve("trials.jsonl"), String.join("\n", lines) + "\n");
        Files.writeString(run.resolve("run.json"), Files.readString(whole.resolve("run.json"))
                .replace("\"" + source + "\"", "\"" + runId + "\"").replace("\"finished\"", "\"running\""));
        return List.copyOf(lines);
    }

    @BeforeAll
    static void runWhole() {
        assertEquals(0, run("--set", "hpo.run-id=whole").code());
    }

    @Test
    void resumeReplaysJournaledTrialsAndRunsTheRest() throws IOException {
        Path crashed = output.resolve("crashed");
        List<String> kept = crashedCopy("crashed", 3);

        Run resumed = run("--resume", "crashed");

        assertEquals(0, resumed.code(), resumed.stderr());
        List<String> journal = Files.readAllLines(crashed.resolve("trials.jsonl"));
        assertEquals(6, journal.size());
        assertEquals(kept, journal.subList(0, 3), "journaled trials are kept byte for byte, never re-run");
        assertEquals(6, journal.stream().map(line -> line.substring(0, line.indexOf(','))).distinct().count());
        String summary = Files.readString(crashed.resolve("summary.txt"));
        assertTrue(summary.contains("3 trials replayed from trials.jsonl, 3 run in this attempt"), summary);
        assertTrue(Files.readString(crashed.resolve("run.json")).contains("\"finished\""));
        assertEquals(bestOf("whole").get("params"), bestOf("crashed").get("params"));
        assertEquals(bestOf("whole").get("trial_id"), bestOf("crashed").get("trial_id"));
    }

    /**
     * A Hyperband run stopped after its first rung settled: the crash leaves that rung's checkpoints on disk
     * (copied here from a run that kept them), and the resumed run promotes from them and ends like the
     * uninterrupted run.
     */
    @Test
    void aHyperbandRunResumesItsPromotedTrialsFromTheirCheckpoints() throws IOException {
        String[] hyperband = {"--set", "hpo.search.strategy=hyperband", "--set", "hpo.search.bandit.max-epochs=9",
            "--set", "hpo.search.keep-checkpoints=true", "--set", "hpo.training.patience=0"};
        List<String> whole = new ArrayList<>(Arrays.asList(hyperband));
        whole.addAll(List.of("--set", "hpo.run-id=hb-whole"));
        assertEquals(0, run(whole.toArray(new String[0])).code());
        List<String> journal = Files.readAllLines(output.resolve("hb-whole/trials.jsonl"));
        List<String> kept = crashedCopy("hb-whole", "hb-crashed", 9);
        copyTree(output.resolve("hb-whole/checkpoints"), output.resolve("hb-crashed/checkpoints"));

        List<String> resume = new ArrayList<>(Arrays.asList(hyperband));
        resume.addAll(List.of("--resume", "hb-crashed"));
        Run resumed = run(resume.toArray(new String[0]));

        assertEquals(0, resumed.code(), resumed.stderr());
        List<String> after = Files.readAllLines(output.resolve("hb-crashed/trials.jsonl"));
        assertEquals(kept, after.subList(0, 9), "settled trials are kept byte for byte");
        assertEquals(journal.size(), after.size());
        assertTrue(after.stream().noneMatch(line -> line.contains("\"FAILED\"")), "every checkpoint was found");
        assertEquals(bestOf("hb-whole").get("params"), bestOf("hb-crashed").get("params"));
        assertEquals(bestOf("hb-whole").get("trial_id"), bestOf("hb-crashed").get("trial_id"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void settingsThatChangeTheTrialsAreRefusedNamingTheKey() throws IOException {
        crashedCopy("changed", 2);
        String journalBefore = Files.readString(output.resolve("changed/trials.jsonl"));

        Run seed = run("--resume", "changed", "--set", "hpo.seed=7");
        Run space = run("--resume", "changed", "--set", "hpo.search.space=[{name=l2, values=[1e-4, 1e-2]}]");
        Run parallelism = run("--resume", "changed", "--set", "hpo.search.parallelism=3");

        assertEquals(2, seed.code());
        assertTrue(seed.stderr().contains("hpo.seed: 7 differs from the value run 'changed' started with (42"),
                seed.stderr());
        assertEquals(2, space.code());
        assertTrue(space.stderr().contains("hpo.search.space:"), space.stderr());
        assertEquals(2, parallelism.code());
        assertTrue(parallelism.stderr().contains("hpo.search.parallelism: 3 differs"), parallelism.stderr());
        assertEquals(journalBefore, Files.readString(output.resolve("changed/trials.jsonl")), "nothing written");
    }

    @Test
    void aJournalThatDisagreesWithTheStrategyIsRefused() throws IOException {
        crashedCopy("tampered", 2);
        Path journal = output.resolve("tampered/trials.jsonl");
        Files.writeString(journal, Files.readString(journal).replaceFirst("\"learning-rate\":0.001",
                "\"learning-rate\":0.5"));

        Run resumed = run("--resume", "tampered");

        assertEquals(2, resumed.code());
        assertTrue(resumed.stderr().contains("ran in round 0 (grid) with {learning-rate=0.5"),
                resumed.stderr());
        assertTrue(resumed.stderr().contains("settings that shape the trials changed"), resumed.stderr());
    }

    @Test
    void aNewRunRefusesADirectoryWithResultsAndResumeNeedsOne() {
        Run again = run("--set", "hpo.run-id=whole");
        Run missing = run("--resume", "no-such-run");

        assertEquals(2, again.code());
        assertTrue(again.stderr().contains("hpo.run-id: 'whole' already has results"), again.stderr());
        assertTrue(again.stderr().contains("--resume whole"), again.stderr());
        assertEquals(2, missing.code());
        assertTrue(missing.stderr().contains("has no run 'no-such-run' to resume"), missing.stderr());
        assertFalse(Files.exists(output.resolve("no-such-run")));
    }

    private static JsonNode bestOf(String runId) throws IOException {
        return new ObjectMapper().readTree(output.resolve(runId).resolve("best.json").toFile());
    }
}
