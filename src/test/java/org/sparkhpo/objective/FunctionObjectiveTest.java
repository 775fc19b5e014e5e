package org.sparkhpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** The known functions' minima and the objective that evaluates them in place of training. */
class FunctionObjectiveTest {
    private static final SearchSpace SQUARE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.L2, 0, 1, Scale.LINEAR, 3),
            new ContinuousParameter(Tunable.L1, 0, 1, Scale.LINEAR, 3)));

    @Test
    void everyListedMinimizerHasTheKnownMinimumAndNearbyPointsAreWorse() {
        for (KnownFunction function : KnownFunction.values()) {
            for (double[] minimizer : function.unitMinimizers(2)) {
                assertEquals(function.minimum(), function.valueAtUnit(minimizer), 1e-6, function.name());
                double[] nearby = minimizer.clone();
                nearby[0] += 1e-3;
                assertTrue(function.valueAtUnit(nearby) > function.minimum(), function.name());
            }
        }
        assertEquals(0.397887, KnownFunction.BRANIN.minimum(), 1e-6);
        assertEquals(3, KnownFunction.BRANIN.unitMinimizers(2).size());
    }

    @Test
    void dimensionsAreChecked() {
        KnownFunction.SPHERE.checkDimension(1);
        KnownFunction.ROSENBROCK.checkDimension(5);
        IllegalArgumentException branin = assertThrows(IllegalArgumentException.class,
                () -> KnownFunction.BRANIN.checkDimension(3));
        assertEquals("branin needs exactly 2 coordinates (range parameters in hpo.search.space), got 3",
                branin.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KnownFunction.ROSENBROCK.checkDimension(1));
    }

    @Test
    void theObjectiveMapsEachParameterPositionOntoTheDomain() {
        FunctionObjective objective = new FunctionObjective(KnownFunction.ROSENBROCK, SQUARE);
        Configuration atMinimum = Configuration.empty().with("l2", 0.75).with("l1", 0.75);
        TrialResult result = objective.run(new Trial(3, 1, atMinimum, 9, "reflect"), null);
        assertEquals(TrialState.COMPLETE, result.state());
        assertEquals(0.0, result.metric(FunctionObjective.KEY), 1e-12);
        assertEquals("val_function_value", FunctionObjective.KEY);
        // u = (0.5, 0.5) is x = (0, 0): f = 1.
        TrialResult centre = objective.run(new Trial(4, 1, Configuration.empty().with("l2", 0.5).with("l1", 0.5),
                9, "reflect"), null);
        assertEquals(1.0, centre.metric(FunctionObjective.KEY), 1e-12);
        assertEquals(1.0, centre.metric("gap"), 1e-12);
    }

    @Test
    void aMissingValueIsAFailedResult() {
        FunctionObjective objective = new FunctionObjective(KnownFunction.SPHERE, SQUARE);
        TrialResult result = objective.run(new Trial(0, 0, Configuration.empty().with("l2", 0.5), 1, "manual"), null);
        assertEquals(TrialState.FAILED, result.state());
        assertEquals("the configuration sets no value for l1", result.error());
    }
}
