package org.sparkhpo.config;

import static org.sparkhpo.config.SettingsRejections.assertRejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.search.DfoStart;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.strategy.bayes.LengthScalePrior;
import org.sparkhpo.strategy.bayes.LowerBoundProposals;
import org.sparkhpo.strategy.bayes.OutputWarping;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.train.Metric;

/** The keys of issue 6: objective, wall time, target, manual lists, derivative-free options, and their rules. */
class SearchKeysTest {
    private static final String RANGES = "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log}]";

    private static JobSettings load(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides));
    }

    @Test
    void defaultsHaveNoBudgetsBeyondTrialsAndTheDocumentedDfoOptions() {
        JobSettings settings = load();
        assertEquals(ObjectiveKind.SGD, settings.objective());
        assertEquals(0.0, settings.search().maxSeconds());
        assertTrue(settings.search().target().isEmpty());
        assertTrue(settings.search().manual().isEmpty());
        assertEquals(0, settings.search().dfo().initialPoints());
        assertEquals(DesignKind.HALTON, settings.search().dfo().design());
        assertEquals(0.25, settings.search().dfo().step());
        assertEquals(1e-3, settings.search().dfo().minStep());
        assertEquals(0.1667, settings.search().dfo().sigma());
        assertEquals(DfoStart.CENTER, settings.search().start());
    }

    @Test
    void newKeysAreRead() {
        JobSettings settings = load("hpo.search.strategy=cma-es", RANGES, "hpo.search.max-seconds=30",
                "hpo.search.target=0.85", "hpo.search.dfo.initial-points=8", "hpo.search.dfo.initial-design=random",
                "hpo.search.dfo.start=training", "hpo.search.dfo.population=12", "hpo.search.dfo.sigma=0.3");
        assertEquals(StrategyKind.CMA_ES, settings.search().strategy());
        assertEquals(30.0, settings.search().maxSeconds());
        assertEquals(0.85, settings.search().target().getAsDouble());
        assertEquals(8, settings.search().dfo().initialPoints());
        assertEquals(DesignKind.RANDOM, settings.search().dfo().design());
        assertEquals(DfoStart.TRAINING, settings.search().start());
        assertEquals(12, settings.search().dfo().population());
        assertEquals(0.3, settings.search().dfo().sigma());
    }

    @Test
    void derivativeFreeStrategiesRejectACategoricalWithSeveralValuesByName() {
        assertRejected(List.of("hpo.search.strategy=nelder-mead",
                "hpo.search.space=[{name=learning-rate, values=[0.002, 0.01]}]"), "hpo.search.space",
                "learning-rate: lists 2 values",
                "'nelder-mead'");
        load("hpo.search.strategy=pattern-search", RANGES);
    }

    @Test
    void dfoOptionsAreRangeChecked() {
        assertRejected(List.of("hpo.search.dfo.step=0"), "hpo.search.dfo.step", "must be in (0, 1]");
        assertRejected(List.of("hpo.search.dfo.step=1.5"), "hpo.search.dfo.step");
        assertRejected(List.of("hpo.search.dfo.min-step=0.5"), "hpo.search.dfo.min-step", "0.5", "must be <");
        assertRejected(List.of("hpo.search.dfo.population=1"), "hpo.search.dfo.population", "0 (default) or >= 2");
        assertRejected(List.of("hpo.search.dfo.sigma=1.5"), "hpo.search.dfo.sigma", "1.5", "1]");
        assertRejected(List.of("hpo.search.dfo.sigma=1e-4"), "hpo.search.dfo.sigma", "min-step");
        assertRejected(List.of("hpo.search.dfo.initial-design=sobol"), "hpo.search.dfo.initial-design", "'sobol'");
        assertRejected(List.of("hpo.search.dfo.start=middle"), "hpo.search.dfo.start", "[center, training, theory]");
        assertRejected(List.of("hpo.search.max-seconds=-1"), "hpo.search.max-seconds", "-1");
        assertRejected(List.of("hpo.search.target=high"), "hpo.search.target", "must be a number");
    }

    @Test
    void theTpeModeIsReadAndMustBeABoolean() {
        assertEquals(false, load().search().tpe().multivariate());
        assertEquals(true, load("hpo.search.tpe.multivariate=true").search().tpe().multivariate());
        assertRejected(List.of("hpo.search.tpe.multivariate=sometimes"), "hpo.search.tpe.multivariate",
                "'sometimes'", "must be true or false");
    }

    @Test
    void theBayesOutputWarpingIsReadByName() {
        assertEquals(OutputWarping.YEO_JOHNSON, load().search().bayes().outputWarping());
        assertEquals(OutputWarping.NONE, load("hpo.search.bayes.output-warping=none").search().bayes().outputWarping());
        assertRejected(List.of("hpo.search.bayes.output-warping=box-cox"), "hpo.search.bayes.output-warping",
                "'box-cox'", "none, yeo-johnson");
    }

    @Test
    void theBayesLengthScalePriorIsReadByName() {
        assertEquals(LengthScalePrior.DIMENSION_SCALED, load().search().bayes().lengthScalePrior());
        assertEquals(LengthScalePrior.NONE, load("hpo.search.bayes.length-scale-prior=none").search().bayes()
                .lengthScalePrior());
        assertRejected(List.of("hpo.search.bayes.length-scale-prior=gamma"), "hpo.search.bayes.length-scale-prior",
                "'gamma'", "none, dimension-scaled");
    }

    @Test
    void theBayesLowerBoundProposalsAreReadAndCheckedByKey() {
        assertEquals(new LowerBoundProposals(1, 1.0, 1e-5), load().search().bayes().lowerBound());
        assertEquals(new LowerBoundProposals(0, 2.5, 0.01), load("hpo.search.bayes.lcb-proposals=0",
                "hpo.search.bayes.lcb-kappa=2.5", "hpo.search.bayes.lcb-min-distance=0.01").search().bayes()
                .lowerBound());
        assertRejected(List.of("hpo.search.bayes.lcb-proposals=-1"), "hpo.search.bayes.lcb-proposals", "-1");
        assertRejected(List.of("hpo.search.bayes.lcb-kappa=100"), "hpo.search.bayes.lcb-kappa", "100");
        assertRejected(List.of("hpo.search.bayes.lcb-min-distance=0"), "hpo.search.bayes.lcb-min-distance",
                "must be in (0, 0.5]");
    }

    @Test
    void aKnownFunctionOptimizesFunctionValueAndNeedsItsDimension() {
        JobSettings settings = load("hpo.objective=rosenbrock",
                "hpo.search.space=[{name=l2, low=0, high=1}, {name=l1, low=0, high=1}]");
        assertEquals(Metric.FUNCTION_VALUE, settings.metric());
        assertTrue(settings.objective().function().isPresent());
        assertRejected(List.of("hpo.objective=branin", RANGES), "hpo.objective", "branin needs exactly 2");
        assertRejected(List.of("hpo.objective=sphere", "hpo.search.strategy=theory"), "hpo.objective",
                "'sphere'", "theory");
        assertRejected(List.of("hpo.objective=sphere", RANGES, "hpo.search.strategy=cma-es",
                "hpo.search.dfo.start=theory"), "hpo.search.dfo.start = theory");
        assertRejected(List.of("hpo.metric.name=function-value"), "hpo.metric.name", "hpo.objective is 'sgd'");
        assertRejected(List.of("hpo.objective=ackley"), "hpo.objective", "'ackley'", "rosenbrock");
    }

    @Test
    void manualNeedsConfigurationsAndNamesABadEntry() {
        assertRejected(List.of("hpo.search.strategy=manual"), "hpo.search.manual", "needs at least one");
        assertRejected(List.of("hpo.search.strategy=manual", "hpo.search.manual=[{momentum=0.5}, {momentum=2}]"),
                "hpo.search.manual[1].momentum: 2", "must be in [0, 1)");
        JobSettings settings = load("hpo.search.strategy=manual", "hpo.search.manual=[{learning-rate=0.1}]",
                "hpo.search.manual-file=conf/manual.csv");
        assertEquals(3, settings.search().manual().size());
        assertEquals(0.1, settings.search().manual().get(0).get("learning-rate"));
    }
}
