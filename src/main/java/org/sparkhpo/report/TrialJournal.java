package org.sparkhpo.report;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.trial.TrialResult;

/**
 * The durable record of finished trials: {@code trials.jsonl} in a {@link RunDirectory}, one {@link TrialJson}
 * line per trial in the order they were recorded. It is enough to resume a run.
 *
 * <p>{@link #record} and {@link #recordAll} rewrite the whole file through {@link RunDirectory#writeAtomically}
 * before they return (once for all the results of a call), so after a crash at any moment the file holds every
 * trial recorded so far and never a partial line. That costs O(trials) bytes written per call, O(trials²) over a
 * run of one-result calls: a few hundred megabytes for thousands of trials of a few hundred bytes each, small
 * next to training them; the loop hands over the results known together (a pack's) in one call. In exchange it
 * works on object stores, which cannot append, and on file systems whose appends are not atomic.
 *
 * <p>Each line also holds {@code finished_seconds}: when the driver recorded the trial, in seconds of search
 * wall time. A resumed run continues the clock from the last journaled value, so the time between a crash and
 * the resume does not count.
 *
 * <p>Lifecycle: opened once per run on the driver, after the {@link RunDirectory}; the driver records each
 * result as it arrives. Methods are synchronized so that results may arrive on several driver threads.
 */
public final class TrialJournal {
    /** The journal's file name in the run directory. */
    public static final String FILE_NAME = "trials.jsonl";

    private final RunDirectory directory;
    private final Map<Integer, TrialResult> byId = new LinkedHashMap<>();
    private final Map<Integer, Double> finishedSeconds = new LinkedHashMap<>();
    /** When this journal was opened, the origin of the clock of this attempt. */
    private final long openedNanos = System.nanoTime();
    /** The search seconds of earlier attempts: the largest {@code finished_seconds} read back. */
    private double earlierSeconds;
    /** The file's content: one encoded line per entry of {@code byId}, each ending with '\n'. */
    private final StringBuilder lines = new StringBuilder();

    private TrialJournal(RunDirectory directory) {
        this.directory = directory;
    }

    /**
     * Opens the journal of {@code directory}: reads {@code trials.jsonl} when it exists (resume), else starts
     * empty without writing anything. Blank lines are skipped.
     *
     * @throws InvalidInputException {@code "<file>:<line>: not a trial record: <reason>"} for a malformed line or
     *     a trial id that occurs twice
     */
    public static TrialJournal open(RunDirectory directory) {
        TrialJournal journal = new TrialJournal(directory);
        if (directory.exists(FILE_NAME)) {
            journal.load(directory.read(FILE_NAME), directory.resolve(FILE_NAME).toString());
        }
        return journal;
    }

    /**
     * Adds {@code result} and rewrites {@code trials.jsonl} atomically before returning. When the write fails
     * the journal is left as it was, in memory and on disk.
     *
     * @throws IllegalStateException when a result with the same trial id is already recorded
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public synchronized void record(TrialResult result) {
        recordAll(List.of(result));
    }

    /**
     * Adds {@code results}, in order, with one atomic rewrite of {@code trials.jsonl} for all of them: results
     * known together (a pack's) cost one write, not one each (27 one-epoch results of a rung took 0.22 s one by
     * one on a local disk, 1,000 results 4.6 s: the O(trials²) above). All or none: when the write fails the
     * journal is left as it was, in memory and on disk. An empty list writes nothing.
     *
     * @throws IllegalStateException when a trial id is already recorded or occurs twice in {@code results}
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public synchronized void recordAll(List<TrialResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Set<Integer> ids = new HashSet<>();
        for (TrialResult result : results) {
            if (byId.containsKey(result.id()) || !ids.add(result.id())) {
                throw new IllegalStateException("trial " + result.id() + " is already recorded in " + FILE_NAME);
            }
        }
        int mark = lines.length();
        double finished = earlierSeconds + (System.nanoTime() - openedNanos) / 1e9;
        for (TrialResult result : results) {
            lines.append(TrialJson.encode(result, finished)).append('\n');
        }
        try {
            directory.writeAtomically(FILE_NAME, lines.toString());
        } catch (RuntimeException e) {
            lines.setLength(mark);
            throw e;
        }
        for (TrialResult result : results) {
            byId.put(result.id(), result);
            finishedSeconds.put(result.id(), finished);
        }
    }

    /**
     * @param id a recorded trial's id
     * @return when the driver recorded it, in seconds of search wall time; NaN when unknown (an old journal)
     */
    public synchronized double finishedSeconds(int id) {
        return finishedSeconds.getOrDefault(id, Double.NaN);
    }

    /** @return a snapshot of the recorded results, unmodifiable, in record order */
    public synchronized List<TrialResult> results() {
        return List.copyOf(byId.values());
    }

    /** @return the result recorded for trial {@code id}, if any */
    public synchronized Optional<TrialResult> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    private void load(String text, String file) {
        String[] fileLines = text.split("\n", -1);
        for (int i = 0; i < fileLines.length; i++) {
            if (fileLines[i].isBlank()) {
                continue;
            }
            TrialJson.Entry entry = TrialJson.decodeEntry(fileLines[i], file, i + 1);
            TrialResult result = entry.result();
            if (byId.putIfAbsent(result.id(), result) != null) {
                throw InvalidInputException.forLine(file, i + 1,
                        "not a trial record: trial id " + result.id() + " occurs twice");
            }
            finishedSeconds.put(result.id(), entry.finishedSeconds());
            if (entry.finishedSeconds() > earlierSeconds) {
                earlierSeconds = entry.finishedSeconds();
            }
            lines.append(TrialJson.encode(result, entry.finishedSeconds())).append('\n');
        }
    }
}
