package org.sparkhpo.trial;

import java.util.List;
import java.util.function.Consumer;
import org.sparkhpo.data.PreparedData;

/** Evaluates trials one after another in the calling thread: the reference the Spark evaluator must match. */
public final class LocalTrialEvaluator implements TrialEvaluator {
    private final Objective runner;
    private final PreparedData data;
    private final CheckpointStore store;

    /**
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param data the prepared data
     */
    public LocalTrialEvaluator(Objective runner, PreparedData data) {
        this(runner, data, null);
    }

    /**
     * @param runner how a trial is evaluated
     * @param data the prepared data
     * @param store where rung evaluations keep their checkpoints (null when no trial needs one)
     */
    public LocalTrialEvaluator(Objective runner, PreparedData data, CheckpointStore store) {
        this.runner = runner;
        this.data = data;
        this.store = store;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResults) {
        for (Trial trial : trials) {
            onResults.accept(List.of(runner.run(trial, data, store)));
        }
    }
}
