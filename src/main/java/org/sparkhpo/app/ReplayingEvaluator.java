package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;

/**
 * Resumes a run by replay: a trial whose result the journal already holds is answered from the journal, never
 * run again; the others of the round go to the wrapped evaluator (Spark). Strategies are deterministic given the
 * job seed and the results they are told, and trial ids and seeds follow from (job seed, ask order), so the
 * resumed run asks for the very trials the interrupted one did; a journaled trial whose round, phase, seed or
 * configuration differs means the settings changed, and the run stops with a message saying so.
 *
 * <p>Lifecycle: driver-only, one per run attempt; {@link #evaluate} is called on the driver's thread.
 */
final class ReplayingEvaluator implements TrialEvaluator {
    private final Map<Integer, TrialResult> pending;
    private final Set<Integer> replayed = new HashSet<>();
    private final TrialEvaluator delegate;
    private final String journalFile;

    /**
     * @param journaled the results of the journal, in any order
     * @param delegate runs the trials the journal does not hold
     * @param journalFile the journal's path, for messages
     */
    ReplayingEvaluator(List<TrialResult> journaled, TrialEvaluator delegate, String journalFile) {
        this.pending = new LinkedHashMap<>();
        journaled.forEach(result -> pending.put(result.id(), result));
        this.delegate = delegate;
        this.journalFile = journalFile;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResults) {
        List<Trial> toRun = new ArrayList<>();
        List<TrialResult> fromJournal = new ArrayList<>();
        for (Trial trial : trials) {
            TrialResult result = pending.remove(trial.id());
            if (result == null) {
                toRun.add(trial);
            } else {
                checkSameTrial(trial, result);
                replayed.add(trial.id());
                fromJournal.add(result);
            }
        }
        if (!fromJournal.isEmpty()) {
            onResults.accept(fromJournal);
        }
        if (!toRun.isEmpty()) {
            delegate.evaluate(round, toRun, onResults);
        }
    }

    /** @return whether trial {@code id}'s result came from the journal (a query) */
    boolean isReplayed(int id) {
        return replayed.contains(id);
    }

    /** @return how many results came from the journal so far */
    int replayedCount() {
        return replayed.size();
    }

    /**
     * Checks, after the loop, that every journaled trial was asked for again: one that was not would be lost.
     *
     * @throws InvalidInputException naming the journal and the trials the strategy no longer proposes
     */
    void checkNothingLeft() {
        if (!pending.isEmpty()) {
            throw new InvalidInputException(journalFile + ": trials " + pending.keySet() + " are journaled but the"
                    + " current settings never propose them; the settings that shape the trials changed since the"
                    + " run started: resume with the original settings or start a new run id");
        }
    }

    private void checkSameTrial(Trial trial, TrialResult result) {
        if (trial.round() != result.round() || trial.seed() != result.seed() || !trial.phase().equals(result.phase())
                || !trial.configuration().equals(result.configuration())) {
            throw new InvalidInputException(journalFile + ": trial " + trial.id() + " ran in round " + result.round()
                    + " (" + result.phase() + ") with " + result.configuration() + ", but the current settings"
                    + " propose round " + trial.round() + " (" + trial.phase() + ") with " + trial.configuration()
                    + "; the settings that shape the trials changed since the run started: resume with the original"
                    + " settings or start a new run id");
        }
    }
}
