package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.multiobjective.CostMetric;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.multiobjective.SelectionRule;

/** {@code hpo.cost} and {@code hpo.select}: read into an {@link ObjectiveSpec}, bad input named by key. */
class CostKeysTest {
    private static ObjectiveSpec load(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides)).cost();
    }

    private static String rejection(String... overrides) {
        return assertThrows(InvalidInputException.class, () -> load(overrides)).getMessage();
    }

    @Test
    void defaultsAreTheMetricAloneSelectedByBest() {
        ObjectiveSpec spec = load();
        assertEquals(CombinationMode.SINGLE, spec.mode());
        assertEquals(SelectionRule.BEST, spec.select());
        assertEquals("val_accuracy", spec.metric().key());
        assertFalse(spec.isCostAware());
    }

    @Test
    void readsAParetoObjectiveWithBoundsWeightsAndARule() {
        ObjectiveSpec spec = load("hpo.cost.mode=pareto", "hpo.cost.metrics=[core_seconds, nonzero_weights]",
                "hpo.cost.bounds=[{cost=epochs, max=9}]", "hpo.select=cheapest-within",
                "hpo.select-tolerance=0.01");
        assertEquals(List.of(CostMetric.CORE_SECONDS, CostMetric.NONZERO_WEIGHTS), spec.costs());
        assertEquals(9.0, spec.bounds().get(0).max());
        assertEquals(0.01, spec.tolerance());
        ObjectiveSpec weighted = load("hpo.cost.mode=weighted", "hpo.cost.weights=[{cost=train_seconds, weight=0.002}]");
        assertEquals(0.002, weighted.weights().get(CostMetric.TRAIN_SECONDS));
    }

    /** An unknown cost metric, or a bound or weight of the wrong sign: each named with its key and value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pareto | hpo.cost.metrics=[joules] | hpo.cost.metrics: 'joules' is not a cost metric",
        "constrained | hpo.cost.bounds=[{cost=watts, max=3}] | hpo.cost.bounds: 'watts'",
        "constrained | hpo.cost.bounds=[{cost=core_seconds, max=-30}]"
            + " | hpo.cost.bounds.core_seconds.max: -30.0 must be > 0",
        "weighted | hpo.cost.weights=[{cost=epochs, weight=-1}] | hpo.cost.weights.epochs.weight: -1.0 must be >= 0"})
    void aBadCostSettingIsNamedWithItsKey(String mode, String setting, String expectedStart) {
        String message = rejection("hpo.cost.mode=" + mode, setting);
        assertTrue(message.startsWith(expectedStart), message);
    }

    @Test
    void paretoWithOneObjectiveIsRefusedNamingTheKey() {
        String message = rejection("hpo.cost.mode=pareto");
        assertTrue(message.startsWith("hpo.cost.metrics: [] is empty; hpo.cost.mode = pareto needs at least two"
                + " objectives"), message);
    }

    @Test
    void aStrategyThatCannotDoParetoRefusesItNamingTheKeys() {
        String message = rejection("hpo.cost.mode=pareto", "hpo.cost.metrics=[epochs]",
                "hpo.search.strategy=nelder-mead",
                "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log}]");
        assertTrue(message.startsWith("hpo.cost.mode: 'pareto' is not supported by hpo.search.strategy ="
                + " nelder-mead"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bayes", "tpe"})
    void theModelBasedStrategiesAcceptParetoAndSearchItWithParEgo(String strategy) {
        ObjectiveSpec spec = load("hpo.cost.mode=pareto", "hpo.cost.metrics=[epochs]",
                "hpo.search.strategy=" + strategy,
                "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log}]");
        assertEquals(CombinationMode.PARETO, spec.mode());
        assertEquals(2, spec.axes().size());
    }

    @Test
    void eachModeAndRuleNeedsItsSettings() {
        assertTrue(rejection("hpo.cost.mode=constrained").startsWith("hpo.cost.bounds: [] is empty"));
        assertTrue(rejection("hpo.cost.mode=weighted").startsWith("hpo.cost.weights: [] is empty"));
        assertTrue(rejection("hpo.select=knee").startsWith("hpo.cost.metrics: [] is empty; hpo.select = knee"));
        assertTrue(rejection("hpo.cost.mode=sometimes").startsWith("hpo.cost.mode: 'sometimes' must be one of"));
        assertTrue(rejection("hpo.select-tolerance=-1").startsWith("hpo.select-tolerance: -1.0 must be in"));
        assertTrue(rejection("hpo.cost.bounds=[{cost=epochs}]").contains("lacks 'max'"));
    }
}
