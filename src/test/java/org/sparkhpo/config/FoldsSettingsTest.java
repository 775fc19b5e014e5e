package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.Folds;

/** {@code hpo.data.folds}: its values, and the combinations k-fold cross-validation refuses. */
class FoldsSettingsTest {
    private static Folds folds(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides)).data().folds();
    }

    @Test
    void autoIsTheDefaultAndNumbersAreTakenAsGiven() {
        assertEquals(Folds.AUTO, folds());
        assertEquals(new Folds(3), folds("hpo.data.folds=3"));
        assertEquals(Folds.HOLD_OUT, folds("hpo.data.folds=1"));
    }

    @Test
    void autoMeansOneHoldOutPartWhereFoldsAreNotSupported() {
        assertEquals(Folds.HOLD_OUT, folds("hpo.search.strategy=hyperband"));
        assertEquals(Folds.HOLD_OUT, folds("hpo.training.median-stopping=true"));
        assertEquals(Folds.HOLD_OUT, folds("hpo.data.validation=data/v.csv"));
        assertEquals(new Folds(4), folds("hpo.data.folds=4", "hpo.search.strategy=nelder-mead"));
    }

    @Test
    void explicitFoldsWithAnUnsupportedSettingAreRefusedNamingBothKeys() {
        SettingsRejections.assertRejected(List.of("hpo.data.folds=5", "hpo.search.strategy=successive-halving"),
                "hpo.data.folds", "5 folds", "hpo.search.strategy = successive-halving");
        SettingsRejections.assertRejected(List.of("hpo.data.folds=3", "hpo.training.median-stopping=true"),
                "hpo.data.folds", "hpo.training.median-stopping");
        SettingsRejections.assertRejected(List.of("hpo.data.folds=3", "hpo.data.validation=data/v.csv"),
                "hpo.data.folds", "hpo.data.validation", "data/v.csv");
    }

    @Test
    void badValuesNameTheKeyAndTheRule() {
        SettingsRejections.assertRejected(List.of("hpo.data.folds=abc"), "hpo.data.folds", "abc",
                "must be auto or an integer in [1, 100]");
        SettingsRejections.assertRejected(List.of("hpo.data.folds=0"), "hpo.data.folds", "must be auto");
        SettingsRejections.assertRejected(List.of("hpo.data.folds=101"), "hpo.data.folds", "101");
    }
}
