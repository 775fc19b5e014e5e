package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class SummaryWriterTest {
    @TempDir
    Path temp;

    private static final List<TrialResult> TRIALS = List.of(
            Fixtures.complete(0, 0.70),
            Fixtures.withState(1, TrialState.PRUNED, 0.60),
            Fixtures.complete(2, 0.90),
            Fixtures.failed(3),
            Fixtures.complete(4, 0.80));

    private static SummaryInput input(List<TrialResult> trials, BestRecord best, boolean higherIsBetter) {
        return new SummaryInput("run-42", "random", "accuracy", higherIsBetter, trials, best, 83.25,
                List.of("theory: expected best within 0.01"));
    }

    private static BestRecord best(int id) {
        return new BestRecord("run-42", id, Fixtures.complete(id, 0.9).configuration(), Map.of("accuracy", 0.9),
                Map.of(), Map.of());
    }

    @Test
    void showsCountsBestAndWallTime() {
        String text = SummaryWriter.summarize(input(TRIALS, best(2), true));

        assertTrue(text.startsWith("run           run-42\nstrategy      random\n"), text);
        assertTrue(text.contains("trials        5: 3 complete, 1 pruned, 1 failed\n"), text);
        assertTrue(text.contains("best trial    2\n"), text);
        assertTrue(text.contains("  params      learning-rate=0.03, momentum=1, epochs=20, nesterov=true"), text);
        assertTrue(text.contains("  test        (no test data)\n"), text);
        assertTrue(text.contains("wall time     83.25 s\n"), text);
        assertTrue(text.endsWith("theory: expected best within 0.01\n"), text);
    }

    @Test
    void topTableIsOrderedByObjectiveAndAligned() {
        List<String> higher = tableIds(SummaryWriter.summarize(input(TRIALS, best(2), true)));
        List<String> lower = tableIds(SummaryWriter.summarize(input(TRIALS, best(1), false)));

        assertEquals(List.of("2", "4", "0", "1"), higher);
        assertEquals(List.of("1", "0", "4", "2"), lower);
        String text = SummaryWriter.summarize(input(TRIALS, best(2), true));
        List<String> table = tableLines(text);
        int column = table.get(0).indexOf("accuracy");
        table.forEach(line -> assertEquals(' ', line.charAt(column - 1), line));
        assertTrue(table.get(1).substring(column).startsWith("0.9 "), table.get(1));
    }

    @Test
    void topTableHoldsAtMostFiveTrials() {
        List<TrialResult> many = new ArrayList<>();
        for (int id = 0; id < 8; id++) {
            many.add(Fixtures.complete(id, id / 10.0));
        }

        assertEquals(List.of("7", "6", "5", "4", "3"), tableIds(SummaryWriter.summarize(input(many, best(7), true))));
    }

    @Test
    void failedTrialsAreListedWithTheirErrorOnOneLine() {
        String text = SummaryWriter.summarize(input(TRIALS, best(2), true));

        assertTrue(text.contains("failed trials (1)\n  3: loss is NaN, \"diverged\" at epoch 1\n"), text);
    }

    @Test
    void onlyTheFirstTenFailuresAreListed() {
        List<TrialResult> failures = new ArrayList<>();
        for (int id = 0; id < 12; id++) {
            failures.add(Fixtures.failed(id));
        }

        String text = SummaryWriter.summarize(input(failures, null, true));

        assertTrue(text.contains("  9: loss"), text);
        assertFalse(text.contains("  10: loss"), text);
        assertTrue(text.contains("  ... and 2 more in trials.jsonl\n"), text);
        assertTrue(text.contains("best trial    none (every trial failed)\n"), text);
        assertTrue(text.contains("top trials by accuracy: none\n"), text);
    }

    @Test
    void writeCreatesSummaryTxt() throws Exception {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run-42", new Configuration());
        SummaryInput input = input(TRIALS, best(2), true);

        SummaryWriter.write(directory, input);

        assertEquals(SummaryWriter.summarize(input), Files.readString(temp.resolve("run-42/summary.txt")));
    }

    @Test
    void formatKeepsSixSignificantDigits() {
        assertEquals("0.843701", SummaryWriter.format(0.8437012345));
        assertEquals("20", SummaryWriter.format(20.0));
        assertEquals("-", SummaryWriter.format(Double.NaN));
        assertEquals("1.23457E-7", SummaryWriter.format(1.234567e-7));
    }

    private static List<String> tableLines(String text) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("top ")).findFirst().orElseThrow());
        List<String> table = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            table.add(lines.get(i));
        }
        return table;
    }

    private static List<String> tableIds(String text) {
        return tableLines(text).stream().skip(1).map(line -> line.trim().split(" +")[0]).toList();
    }
}
