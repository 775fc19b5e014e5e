package org.sparkhpo.trial;

import java.util.List;
import java.util.function.Consumer;
import org.sparkhpo.data.PreparedData;

/** Evaluates trials one after another in the calling thread: the reference the Spark evaluator must match. */
public final class LocalTrialEvaluator implements TrialEvaluator {
    private final Objective runner;
    private final PreparedData data;

    /**
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param data the prepared data
     */
    public LocalTrialEvaluator(Objective runner, PreparedData data) {
        this.runner = runner;
        this.data = data;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<TrialResult> onResult) {
        for (Trial trial : trials) {
            onResult.accept(runner.run(trial, data));
        }
    }
}
