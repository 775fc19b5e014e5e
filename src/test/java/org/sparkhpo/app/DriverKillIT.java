package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.it.JavaProcess;
import org.sparkhpo.spark.SparkSessions;

/**
 * Driver crash and resume with a real {@code kill -9}: the job runs in a child JVM until its journal holds at
 * least three trials, is killed with SIGKILL ({@link Process#destroyForcibly()} on Linux), and is resumed with
 * {@code --resume}. Then: every trial journaled before the kill is still there byte for byte (a trial run again
 * would have a new {@code train_seconds}), Spark ran exactly the trials that were not journaled (counted by a
 * listener), every trial is journaled exactly once, and the best configuration is the one an uninterrupted run
 * with the same seed finds.
 *
 * <p>One case per strategy: adding a strategy (for example a derivative-free one) is one more entry in
 * {@link #strategyArguments} and the {@code @ValueSource}.
 */
class DriverKillIT {
    private static final int TRIALS = 12;

    @TempDir
    Path output;

    /** @return the {@code --set} arguments that select {@code strategy} with a 12-trial budget */
    static List<String> strategyArguments(String strategy) {
        return switch (strategy) {
            case "grid" -> List.of("--set", "hpo.search.strategy=grid", "--set",
                    "hpo.search.space=[{name=learning-rate, values=[0.001, 0.003, 0.01, 0.03]},"
                            + " {name=l2, values=[1e-4, 1e-3, 1e-2]}]");
            case "random" -> List.of("--set", "hpo.search.strategy=random", "--set", "hpo.search.trials=" + TRIALS,
                    "--set", "hpo.search.space=[{name=learning-rate, low=0.001, high=0.1, scale=log},"
                            + " {name=l2, low=1e-5, high=1e-2, scale=log}]");
            case "nelder-mead" -> List.of("--set", "hpo.search.strategy=nelder-mead", "--set",
                    "hpo.search.trials=" + TRIALS, "--set", "hpo.search.space=[{name=learning-rate, low=0.001,"
                            + " high=0.1, scale=log}, {name=l2, low=1e-5, high=1e-2, scale=log}]");
            default -> throw new IllegalArgumentException("no arguments for strategy " + strategy);
        };
    }

    private List<String> arguments(String strategy, String runId) {
        List<String> args = new ArrayList<>(List.of("conf/local.conf",
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=4000",
                "--set", "hpo.data.test=",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.training.epochs=6",
                "--set", "hpo.training.patience=0",
                "--set", "hpo.search.parallelism=2",
                "--set", "hpo.output.dir=" + output,
                "--set", "hpo.run-id=" + runId));
        args.addAll(strategyArguments(strategy));
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid", "random", "nelder-mead"})
    void aKilledDriverResumesWithoutRerunningOrLosingTrials(String strategy) throws Exception {
        Path killed = output.resolve("killed");
        Path log = output.resolve("killed.log");
        Process driver = JavaProcess.start(HpoJob.class.getName(), arguments(strategy, "killed"), "1g", log, Map.of());
        try {
            JavaProcess.await("3 journaled trials (log: " + log + ")", Duration.ofSeconds(120),
                    () -> JavaProcess.lineCount(killed.resolve("trials.jsonl")) >= 3 || !driver.isAlive());
        } finally {
            JavaProcess.kill(driver);
        }
        List<String> beforeResume = Files.readAllLines(killed.resolve("trials.jsonl"));
        assertTrue(beforeResume.size() >= 3 && beforeResume.size() < TRIALS,
                "the kill must land mid-run: " + beforeResume.size() + " trials\n" + JavaProcess.tail(log));
        assertFalse(Files.exists(killed.resolve("summary.txt")));

        int ranOnResume = runCountingTasks(arguments(strategy, "killed"), "--resume", "killed");
        assertEquals(0, runCountingTasks(arguments(strategy, "whole")) - TRIALS, "the uninterrupted run");

        List<String> journal = Files.readAllLines(killed.resolve("trials.jsonl"));
        assertEquals(beforeResume, journal.subList(0, beforeResume.size()), "journaled trials are kept verbatim");
        assertEquals(TRIALS - beforeResume.size(), ranOnResume, "only the trials not journaled ran again");
        assertEquals(TRIALS, journal.size());
        assertEquals(TRIALS, journal.stream().map(line -> line.substring(0, line.indexOf(','))).distinct().count(),
                "every trial exactly once");
        assertTrue(Files.readString(killed.resolve("summary.txt")).contains(beforeResume.size()
                + " trials replayed from trials.jsonl, " + ranOnResume + " run in this attempt"));
        assertEquals(best("whole").get("params"), best("killed").get("params"));
        assertEquals(best("whole").get("trial_id"), best("killed").get("trial_id"));
    }

    /** Runs the job in this JVM and returns how many Spark tasks (trials) it ran. */
    private static int runCountingTasks(List<String> args, String... extra) {
        SparkSession session = SparkSession.builder()
                .config(SparkSessions.configure(new org.apache.spark.SparkConf(),
                        new SparkSettings("local[2]", "driver-kill-it", "WARN", SparkSettings.AUTO_PACK_SIZE)))
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        AtomicInteger tasks = new AtomicInteger();
        session.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                tasks.incrementAndGet();
            }
        });
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        assertEquals(0, HpoJob.run(all.toArray(new String[0])));
        return tasks.get();
    }

    private JsonNode best(String runId) throws IOException {
        return new ObjectMapper().readTree(output.resolve(runId).resolve("best.json").toFile());
    }
}
