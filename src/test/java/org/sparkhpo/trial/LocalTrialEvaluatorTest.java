package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;

class LocalTrialEvaluatorTest {
    @Test
    void everyTrialGetsItsResultInOrderAndAFailureDoesNotStopTheRound() {
        PreparedData data = TrialRunnerTest.binary();
        TrialRunner runner = TrialRunnerTest.logisticRunner();
        List<Trial> trials = List.of(
                TrialRunnerTest.trial(0, Configuration.empty().with("learning-rate", 0.1)),
                TrialRunnerTest.trial(1, Configuration.empty().with("momentum", 1.5)),
                TrialRunnerTest.trial(2, Configuration.empty().with("learning-rate", 0.01)));
        List<TrialResult> results = new ArrayList<>();
        new LocalTrialEvaluator(runner, data).evaluate(0, trials, results::addAll);

        assertEquals(List.of(0, 1, 2), results.stream().map(TrialResult::id).toList());
        assertEquals(List.of(TrialState.COMPLETE, TrialState.FAILED, TrialState.COMPLETE),
                results.stream().map(TrialResult::state).toList());
        for (int i = 0; i < trials.size(); i++) {
            TrialResult alone = runner.run(trials.get(i), data);
            assertEquals(alone.metric("val_accuracy"), results.get(i).metric("val_accuracy"), 0.0, "trial " + i);
            assertEquals(alone.metric("epochs"), results.get(i).metric("epochs"), 0.0, "trial " + i);
        }
    }

    @Test
    void anEmptyRoundReportsNothing() {
        List<TrialResult> results = new ArrayList<>();
        new LocalTrialEvaluator(TrialRunnerTest.logisticRunner(), TrialRunnerTest.binary())
                .evaluate(0, List.of(), results::addAll);
        assertEquals(List.of(), results);
    }
}
