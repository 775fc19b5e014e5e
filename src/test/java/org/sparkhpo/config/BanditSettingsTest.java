package org.sparkhpo.config;

import static org.sparkhpo.config.SettingsRejections.assertRejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.search.BanditSettings;
import org.sparkhpo.search.MedianStoppingSettings;
import org.sparkhpo.search.StrategyKind;

/** The bandit and median-stopping keys: defaults, overrides, ranges and incompatible combinations. */
class BanditSettingsTest {
    private static JobSettings load(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides));
    }

    @Test
    void defaultsComeFromReferenceConf() {
        JobSettings settings = load();
        assertEquals(new BanditSettings(3, 1, 27, 0, StrategyKind.RANDOM, false), settings.bandit());
        assertEquals(new MedianStoppingSettings(false, 2, 3), settings.medianStopping());
    }

    @Test
    void hyperbandWithItsKeysLoads() {
        JobSettings settings = load("hpo.search.strategy=hyperband", "hpo.search.bandit.reduction-factor=2",
                "hpo.search.bandit.min-epochs=2", "hpo.search.bandit.max-epochs=16",
                "hpo.search.bandit.sampler=grid", "hpo.search.keep-checkpoints=true");
        assertEquals(StrategyKind.HYPERBAND, settings.search().strategy());
        assertTrue(settings.search().strategy().isBandit());
        assertEquals(new BanditSettings(2, 2, 16, 0, StrategyKind.GRID, true), settings.bandit());
        assertFalse(StrategyKind.GRID.isBandit());
    }

    @Test
    void rangesAreChecked() {
        assertRejected(List.of("hpo.search.bandit.reduction-factor=1"), "hpo.search.bandit.reduction-factor", "1");
        assertRejected(List.of("hpo.search.bandit.min-epochs=0"), "hpo.search.bandit.min-epochs");
        assertRejected(List.of("hpo.search.bandit.min-epochs=5", "hpo.search.bandit.max-epochs=4"),
                "hpo.search.bandit.max-epochs", "4", "min-epochs (5)");
        assertRejected(List.of("hpo.search.bandit.sampler=cma-es"), "hpo.search.bandit.sampler", "cma-es");
        assertRejected(List.of("hpo.training.median-min-trials=0"), "hpo.training.median-min-trials");
    }

    @Test
    void banditsRejectASearchedEpochCountAndTheMedianRule() {
        assertRejected(List.of("hpo.search.strategy=successive-halving",
                "hpo.search.space=[{name=epochs, values=[1, 2]}]"), "hpo.search.space", "epochs", "successive-halving");
        assertRejected(List.of("hpo.search.strategy=hyperband", "hpo.training.median-stopping=true"),
                "hpo.training.median-stopping", "hyperband");
        JobSettings median = load("hpo.search.strategy=random", "hpo.training.median-stopping=true");
        assertTrue(median.medianStopping().enabled());
    }
}
