package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.train.GeneratedData;

class DataDrivenDefaultsTest {
    private static final PreparedData DATA = GeneratedData.preparedClusters(600, 200, 6, 3, 7);

    @Test
    void batchSizeIsAPowerOfTwoNearRowsOver64WithinBounds() {
        assertEquals(8, DataDrivenDefaults.batchSize(120));
        assertEquals(16, DataDrivenDefaults.batchSize(1_100));
        assertEquals(128, DataDrivenDefaults.batchSize(8_000));
        assertEquals(256, DataDrivenDefaults.batchSize(1_000_000));
    }

    @Test
    void epochsComeFromTheStepBudgetWithinBounds() {
        assertEquals(250, DataDrivenDefaults.epochs(3000, 8, 96));
        assertEquals(1, DataDrivenDefaults.epochs(3000, 256, 1_000_000), "10^6 rows: one epoch, not twenty");
        assertEquals(DataDrivenDefaults.MAX_EPOCHS, DataDrivenDefaults.epochs(3000, 8, 10));
        assertEquals(3, DataDrivenDefaults.patience(20));
        assertEquals(25, DataDrivenDefaults.patience(250));
    }

    @Test
    void autoDefaultsDeriveARangeAroundOneOverTheMiniBatchSmoothness() {
        JobSettings loaded = SettingsLoader.load(null, List.of());
        DataDrivenDefaults.Resolved resolved = DataDrivenDefaults.resolve(loaded, DATA);
        JobSettings settings = resolved.settings();
        double smoothness = (double) resolved.report().get("smoothness_batch");
        assertTrue(smoothness > 0.0, "L_B " + smoothness);
        ContinuousParameter rate = (ContinuousParameter) settings.search().space().parameters().get(0);
        assertEquals(DataDrivenDefaults.LOW_STEP / smoothness, rate.low(), 1e-12);
        assertEquals(DataDrivenDefaults.HIGH_STEP / smoothness, rate.high(), 1e-12);
        ContinuousParameter l2 = (ContinuousParameter) settings.search().space().parameters().get(1);
        assertEquals(0.01 / 600, l2.low(), 1e-15);
        assertEquals(100.0 / 600, l2.high(), 1e-12);
        assertEquals(DataDrivenDefaults.batchSize(600), settings.fixed().batchSize());
        assertEquals(DataDrivenDefaults.epochs(3000, settings.fixed().batchSize(), 600), settings.fixed().epochs());
        assertEquals(1.0 / 600, settings.fixed().l2(), 1e-15);
    }

    @Test
    void explicitValuesAndAnExplicitSpaceWin() {
        JobSettings loaded = SettingsLoader.load(null, List.of("hpo.training.learning-rate=0.2",
                "hpo.training.batch-size=32", "hpo.training.epochs=4", "hpo.training.patience=2"));
        JobSettings settings = DataDrivenDefaults.resolve(loaded, DATA).settings();
        assertEquals(0.2, settings.fixed().learningRate());
        assertEquals(32, settings.fixed().batchSize());
        assertEquals(4, settings.fixed().epochs());
        assertEquals(2, settings.stopping().patience());
        assertEquals(List.of("l2"), settings.search().space().names(), "a fixed learning rate is not searched");

        JobSettings explicit = DataDrivenDefaults.resolve(SettingsLoader.load(null,
                List.of("hpo.search.space=[{name=momentum, values=[0.5, 0.9]}]")), DATA).settings();
        assertEquals(List.of("momentum"), explicit.search().space().names());
    }
}
