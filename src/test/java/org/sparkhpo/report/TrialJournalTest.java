package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.trial.TrialResult;

class TrialJournalTest {
    @TempDir
    Path temp;

    private RunDirectory newRun() {
        return RunDirectory.create(temp.toString(), "run", new Configuration());
    }

    @Test
    void survivesReopen() {
        TrialJournal journal = TrialJournal.open(newRun());
        List<TrialResult> recorded = List.of(Fixtures.complete(0, 0.7), Fixtures.failed(1), Fixtures.complete(2, 0.8));
        recorded.forEach(journal::record);

        TrialJournal reopened = TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration()));

        assertEquals(recorded, reopened.results());
        assertEquals(Optional.of(recorded.get(1)), reopened.find(1));
        assertEquals(Optional.empty(), reopened.find(3));
    }

    @Test
    void curvesAndFinishTimesSurviveReopenAndTheClockContinues() {
        TrialJournal journal = TrialJournal.open(newRun());
        TrialResult withCurve = Fixtures.withCurve(0, List.of(0.5, Double.NaN, 0.75));
        journal.record(withCurve);
        double first = journal.finishedSeconds(0);

        TrialJournal reopened = TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration()));
        reopened.record(Fixtures.complete(1, 0.9));

        assertEquals(withCurve.curve(), reopened.find(0).orElseThrow().curve());
        assertEquals(3, reopened.find(0).orElseThrow().curve().size());
        assertTrue(Double.isNaN(reopened.find(0).orElseThrow().curve().get(1)));
        assertTrue(first >= 0.0);
        assertEquals(first, reopened.finishedSeconds(0));
        assertTrue(reopened.finishedSeconds(1) >= first, "the clock continues after the earlier attempt");
        assertTrue(Double.isNaN(reopened.finishedSeconds(7)));
    }

    @Test
    void recordingAfterReopenAppendsToTheEarlierTrials() throws IOException {
        TrialJournal.open(newRun()).record(Fixtures.complete(0, 0.7));

        TrialJournal reopened = TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration()));
        reopened.record(Fixtures.complete(1, 0.9));

        assertEquals(2, Files.readAllLines(temp.resolve("run/trials.jsonl")).size());
        assertEquals(List.of(0, 1), reopened.results().stream().map(TrialResult::id).toList());
    }

    @Test
    void duplicateIdIsRejectedAndTheFileIsUnchanged() throws IOException {
        TrialJournal journal = TrialJournal.open(newRun());
        journal.record(Fixtures.complete(4, 0.7));
        String before = Files.readString(temp.resolve("run/trials.jsonl"));

        assertThrows(IllegalStateException.class, () -> journal.record(Fixtures.complete(4, 0.9)));

        assertEquals(before, Files.readString(temp.resolve("run/trials.jsonl")));
        assertEquals(1, journal.results().size());
    }

    @Test
    void resultsKnownTogetherAreWrittenAtOnceInOrder() throws IOException {
        TrialJournal journal = TrialJournal.open(newRun());
        journal.record(Fixtures.complete(0, 0.5));
        List<TrialResult> pack = List.of(Fixtures.complete(3, 0.7), Fixtures.failed(1), Fixtures.complete(2, 0.6));

        journal.recordAll(pack);
        journal.recordAll(List.of());

        Path file = temp.resolve("run/trials.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertEquals(List.of(0, 3, 1, 2), journal.results().stream().map(TrialResult::id).toList());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(journal.results().get(i), TrialJson.decode(lines.get(i), file.toString(), i + 1));
        }
        assertEquals(journal.finishedSeconds(3), journal.finishedSeconds(2), "recorded at the same moment");
        assertEquals(pack, TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration()))
                .results().subList(1, 4));
    }

    @Test
    void aBatchWithAnIdRecordedOrRepeatedIsRejectedWhole() throws IOException {
        TrialJournal journal = TrialJournal.open(newRun());
        journal.record(Fixtures.complete(4, 0.7));
        String before = Files.readString(temp.resolve("run/trials.jsonl"));

        assertThrows(IllegalStateException.class,
                () -> journal.recordAll(List.of(Fixtures.complete(5, 0.9), Fixtures.complete(4, 0.9))));
        assertThrows(IllegalStateException.class,
                () -> journal.recordAll(List.of(Fixtures.complete(6, 0.9), Fixtures.complete(6, 0.8))));

        assertEquals(before, Files.readString(temp.resolve("run/trials.jsonl")));
        assertEquals(List.of(4), journal.results().stream().map(TrialResult::id).toList());
    }

    @Test
    void theFileIsCompleteAfterEveryRecord() throws IOException {
        TrialJournal journal = TrialJournal.open(newRun());
        Path file = temp.resolve("run/trials.jsonl");
        for (int id = 0; id < 6; id++) {
            TrialResult result = id % 3 == 2 ? Fixtures.failed(id) : Fixtures.complete(id, 0.1 * id);
            journal.record(result);

            String text = Files.readString(file);
            assertTrue(text.endsWith("\n"));
            List<String> lines = text.lines().toList();
            assertEquals(id + 1, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(journal.results().get(i), TrialJson.decode(lines.get(i), file.toString(), i + 1));
            }
        }
    }

    @Test
    void noTemporaryOrChecksumFilesAreLeft() {
        TrialJournal journal = TrialJournal.open(newRun());
        for (int id = 0; id < 5; id++) {
            journal.record(Fixtures.complete(id, 0.5));
        }

        assertEquals(List.of("trials.jsonl"), Fixtures.listing(temp.resolve("run")));
    }

    @Test
    void openingAFreshRunWritesNothing() {
        TrialJournal journal = TrialJournal.open(newRun());

        assertEquals(List.of(), journal.results());
        assertEquals(List.of(), Fixtures.listing(temp.resolve("run")));
    }

    @Test
    void resultsCannotBeModified() {
        TrialJournal journal = TrialJournal.open(newRun());
        journal.record(Fixtures.complete(0, 0.5));

        assertThrows(UnsupportedOperationException.class, () -> journal.results().clear());
    }

    @Test
    void aCorruptLineIsReportedWithFileAndLine() throws IOException {
        TrialJournal.open(newRun()).record(Fixtures.complete(0, 0.5));
        Path file = temp.resolve("run/trials.jsonl");
        Files.writeString(file, Files.readString(file) + "{\"id\":1,\"rou\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration())));

        assertTrue(e.getMessage().matches(".*trials\\.jsonl:2: not a trial record: .*"), e.getMessage());
    }

    @Test
    void aRepeatedIdInTheFileIsReported() throws IOException {
        TrialJournal.open(newRun()).record(Fixtures.complete(0, 0.5));
        Path file = temp.resolve("run/trials.jsonl");
        Files.writeString(file, Files.readString(file).repeat(2));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrialJournal.open(RunDirectory.open(temp.toString(), "run", new Configuration())));

        assertTrue(e.getMessage().endsWith("trials.jsonl:2: not a trial record: trial id 0 occurs twice"),
                e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheJournalAsItWas() {
        RunDirectory directory = RunDirectory.create("norename://" + temp, "run", FaultyLocalFs.configuration());
        TrialJournal journal = TrialJournal.open(directory);

        assertThrows(UncheckedIOException.class, () -> journal.record(Fixtures.complete(0, 0.5)));
        assertThrows(UncheckedIOException.class,
                () -> journal.recordAll(List.of(Fixtures.complete(1, 0.5), Fixtures.complete(2, 0.6))));

        assertEquals(List.of(), journal.results());
        assertFalse(journal.find(1).isPresent());
        assertFalse(journal.find(0).isPresent());
        assertEquals(List.of(), Fixtures.listing(temp.resolve("run")));
    }
}
