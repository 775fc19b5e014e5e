package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** Journaled trials are answered from the journal and never reach the wrapped evaluator. */
class ReplayingEvaluatorTest {
    private final List<Integer> ran = new ArrayList<>();
    private final TrialEvaluator counting = (round, trials, onResult) -> trials.forEach(trial -> {
        ran.add(trial.id());
        onResult.accept(List.of(result(trial)));
    });

    private static Trial trial(int id, double learningRate) {
        return new Trial(id, 0, new Configuration(Map.of("learning-rate", learningRate)), 100 + id, "grid");
    }

    private static TrialResult result(Trial trial) {
        return new TrialResult(trial.id(), trial.round(), trial.phase(), TrialState.COMPLETE, trial.configuration(),
                Map.of("val_accuracy", 0.5), trial.seed(), null);
    }

    @Test
    void journaledTrialsAreReplayedAndOnlyTheOthersRun() {
        TrialResult journaled = result(trial(1, 0.1));
        ReplayingEvaluator evaluator = new ReplayingEvaluator(List.of(journaled), counting, "trials.jsonl");
        List<TrialResult> delivered = new ArrayList<>();

        evaluator.evaluate(0, List.of(trial(0, 0.01), trial(1, 0.1), trial(2, 1.0)), delivered::addAll);

        assertEquals(List.of(0, 2), ran);
        assertEquals(3, delivered.size());
        assertTrue(delivered.contains(journaled));
        assertTrue(evaluator.isReplayed(1));
        assertFalse(evaluator.isReplayed(0));
        assertEquals(1, evaluator.replayedCount());
        evaluator.checkNothingLeft();
    }

    @Test
    void aJournaledTrialWithAnotherConfigurationMeansTheSettingsChanged() {
        ReplayingEvaluator evaluator = new ReplayingEvaluator(List.of(result(trial(0, 0.5))), counting,
                "trials.jsonl");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> evaluator.evaluate(0, List.of(trial(0, 0.01)), result -> { }));

        assertTrue(e.getMessage().contains("trial 0 ran in round 0 (grid) with {learning-rate=0.5}"), e.getMessage());
        assertTrue(ran.isEmpty());
    }

    @Test
    void aJournaledTrialNeverProposedAgainIsReportedNotLost() {
        ReplayingEvaluator evaluator = new ReplayingEvaluator(List.of(result(trial(7, 0.5))), counting,
                "trials.jsonl");
        evaluator.evaluate(0, List.of(trial(0, 0.01)), result -> { });

        InvalidInputException e = assertThrows(InvalidInputException.class, evaluator::checkNothingLeft);

        assertTrue(e.getMessage().contains("trials [7] are journaled but the current settings never propose them"),
                e.getMessage());
    }
}
