package org.sparkhpo.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class ParameterAxisTest {
    private static TrialResult trial(int id, Map<String, Object> values) {
        return new TrialResult(id, 0, "grid", TrialState.COMPLETE, new Configuration(values), Map.of(), id, null);
    }

    @Test
    void aRangeKeepsItsScaleAndAListIsInferred() {
        SearchSpace space = new SearchSpace(List.of(
                new ContinuousParameter(Tunable.LEARNING_RATE, 0.5, 0.6, Scale.LOG, 3),
                new CategoricalParameter(Tunable.L2, List.of(1e-6, 1e-2)),
                new CategoricalParameter(Tunable.SCHEDULE, List.of("cosine", "constant"))));
        List<TrialResult> trials = List.of(
                trial(0, Map.of("learning-rate", 0.5, "l2", 1e-6, "schedule", "cosine", "momentum", 0.9)),
                trial(1, Map.of("learning-rate", 0.6, "l2", 1e-2, "schedule", "constant", "momentum", 0.5)));

        List<ParameterAxis> axes = ParameterAxis.of(space, trials);

        assertEquals(List.of("learning-rate", "l2", "schedule", "momentum"),
                axes.stream().map(ParameterAxis::name).toList());
        assertEquals(List.of(ParameterAxis.Kind.LOG, ParameterAxis.Kind.LOG, ParameterAxis.Kind.CATEGORY,
                ParameterAxis.Kind.LINEAR), axes.stream().map(ParameterAxis::kind).toList());
        assertEquals(List.of("constant", "cosine"), axes.get(2).categories());
        assertEquals(1.0, axes.get(2).encode("cosine"));
    }
}
