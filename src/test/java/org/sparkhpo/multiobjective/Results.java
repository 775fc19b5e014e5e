package org.sparkhpo.multiobjective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** Builds trial results with an accuracy and costs for the tests of this package. */
final class Results {
    static final Criterion ACCURACY = new Criterion("val_accuracy", true);

    private Results() {
    }

    /** A COMPLETE trial with accuracy, train_seconds and nonzero_weights. */
    static TrialResult trial(int id, double accuracy, double seconds, double nonzero) {
        return of(id, TrialState.COMPLETE, accuracy, seconds, nonzero);
    }

    static TrialResult of(int id, TrialState state, double accuracy, double seconds, double nonzero) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", accuracy);
        metrics.put("train_seconds", seconds);
        metrics.put("nonzero_weights", nonzero);
        return new TrialResult(id, 0, "test", state, Configuration.empty(), metrics, 7L,
                state == TrialState.FAILED ? "diverged" : null);
    }
}
