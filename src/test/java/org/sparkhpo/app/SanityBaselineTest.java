package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.TargetScaling;
import org.sparkhpo.data.Task;
import org.sparkhpo.train.Metric;

class SanityBaselineTest {
    private static LabeledData labels(double... values) {
        return new LabeledData(new DenseFeatures(new double[values.length], values.length, 1), values);
    }

    @Test
    void majorityClassOfTrainingScoredOnValidationAndTest() {
        PreparedData data = new PreparedData(labels(2, 2, 2, 0, 1), labels(2, 0, 0, 2), labels(2, 1, 1, 1, 1),
                Task.MULTICLASS, 3, null);
        SanityBaseline baseline = SanityBaseline.of(data);
        assertEquals("majority class 2", baseline.rule());
        assertEquals(0.5, baseline.validation());
        assertEquals(0.2, baseline.test().orElseThrow());
        assertTrue(baseline.notBeatenBy(0.5, Metric.ACCURACY), "equal to the baseline does not beat it");
        assertFalse(baseline.notBeatenBy(0.75, Metric.ACCURACY));
        assertTrue(baseline.line().contains("majority class 2, validation accuracy 0.5000, test 0.2000"),
                baseline.line());
    }

    @Test
    void trainingMeanScoredInTheTargetsUnits() {
        TargetScaling scaling = new TargetScaling(100.0, 10.0);
        // Scaled targets: training mean 0; validation at +-1 (10 in the target's units).
        PreparedData data = new PreparedData(labels(-1, 1, -2, 2), labels(1, -1), null, Task.REGRESSION, 1, null,
                scaling);
        SanityBaseline baseline = SanityBaseline.of(data);
        assertEquals("training mean", baseline.rule());
        assertEquals(10.0, baseline.validation(), 1e-12);
        assertTrue(baseline.test().isEmpty());
        assertTrue(baseline.notBeatenBy(12.0, Metric.RMSE));
        assertFalse(baseline.notBeatenBy(8.0, Metric.RMSE));
    }

    @Test
    void underCrossValidationTheValidationScoreIsTheMeanOverTheFolds() {
        // Fold 1: majority 2 of training, validation 2,0 -> 0.5. Fold 2: majority 0, validation 0,0,1 -> 2/3.
        PreparedData second = new PreparedData(labels(0, 0, 0, 2), labels(0, 0, 1), null, Task.MULTICLASS, 3, null,
                null);
        PreparedData data = new PreparedData(labels(2, 2, 2, 0, 1), labels(2, 0), labels(2, 1), Task.MULTICLASS, 3,
                null, null, java.util.List.of(second));
        SanityBaseline baseline = SanityBaseline.of(data);
        assertEquals((0.5 + 2.0 / 3.0) / 2.0, baseline.validation(), 1e-12);
        assertEquals("majority class 2", baseline.rule(), "the test score's rule is the first fold's");
        assertEquals(0.5, baseline.test().orElseThrow());
    }
}
