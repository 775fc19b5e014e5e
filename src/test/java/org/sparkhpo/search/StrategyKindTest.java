package org.sparkhpo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.bandit.BanditStrategy;
import org.sparkhpo.strategy.bayes.BayesOptions;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.tpe.TpeOptions;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

/** The descriptor registry: what each kind answers, and that it agrees with the strategy it builds. */
class StrategyKindTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.LEARNING_RATE, 1e-3, 0.3, Scale.LOG, 3),
            new ContinuousParameter(Tunable.L2, 1e-6, 1e-2, Scale.LOG, 4)));
    private static final HyperParameters FIXED =
            new HyperParameters(0.05, 0.9, false, 128, 20, 1e-4, 0.0, "constant", 0.5, 5);

    private static StrategyInputs inputs(StrategyKind kind, SearchSpace space, int trials, int parallelism,
                                         boolean median, StrategyKind sampler) {
        SearchSettings search = new SearchSettings(kind, trials, parallelism, space, 0.0, OptionalDouble.empty(),
                List.of(Configuration.empty().with("learning-rate", 0.1)), DfoOptions.defaults(), DfoStart.CENTER,
                BayesOptions.defaults(), TpeOptions.defaults());
        return new StrategyInputs(search, new BanditSettings(3, 1, 27, 0, sampler, false),
                new MedianStoppingSettings(median, 2, 3), Metric.ACCURACY, LossType.LOGISTIC, FIXED, 7L,
                ObjectiveSpec.single(new Criterion("val_accuracy", true)));
    }

    private static StrategyInputs inputs(StrategyKind kind, int trials) {
        return inputs(kind, SPACE, trials, 0, false, StrategyKind.RANDOM);
    }

    @Test
    void onlySuccessiveHalvingAndHyperbandSettleResultsAndTheirStrategiesSaySo() {
        for (StrategyKind kind : StrategyKind.values()) {
            boolean bandit = kind == StrategyKind.SUCCESSIVE_HALVING || kind == StrategyKind.HYPERBAND;
            assertEquals(bandit, kind.descriptor().settlesResults(), kind.configName());
            assertEquals(bandit, kind.isBandit(), kind.configName());
            if (kind != StrategyKind.THEORY) {
                Strategy strategy = kind.descriptor().create(inputs(kind, 50), null, 4);
                assertEquals(bandit, strategy.settlesResults(), kind.configName());
            }
        }
    }

    @Test
    void onlyTheDerivativeFreeKindsSearchTheUnitCube() {
        EnumSet<StrategyKind> dfo = EnumSet.of(StrategyKind.NELDER_MEAD, StrategyKind.PATTERN_SEARCH,
                StrategyKind.CMA_ES);
        for (StrategyKind kind : StrategyKind.values()) {
            assertEquals(dfo.contains(kind), kind.isDerivativeFree(), kind.configName());
        }
        SearchSpace categorical = new SearchSpace(List.of(new CategoricalParameter(Tunable.SCHEDULE,
                List.<Object>of("constant", "cosine"))));
        StrategyInputs bad = inputs(StrategyKind.NELDER_MEAD, categorical, 10, 0, false, StrategyKind.RANDOM);
        assertThrows(InvalidInputException.class, () -> StrategyKind.NELDER_MEAD.descriptor().check(bad));
        StrategyKind.RANDOM.descriptor().check(inputs(StrategyKind.RANDOM, categorical, 10, 0, false,
                StrategyKind.RANDOM));
    }

    @Test
    void plannedBanditTrialsAreThoseTheBuiltStrategyPlans() {
        for (StrategyKind kind : List.of(StrategyKind.SUCCESSIVE_HALVING, StrategyKind.HYPERBAND)) {
            StrategyInputs inputs = inputs(kind, 10_000);
            BanditStrategy built = (BanditStrategy) kind.descriptor().create(inputs, null, 4);
            assertEquals(built.plannedTrials(), kind.descriptor().plannedTrials(inputs), kind.configName());
            assertEquals(5, kind.descriptor().plannedTrials(inputs(kind, 5)), "capped by the trial budget");
        }
    }

    @Test
    void plannedTrialsAreCappedByWhatTheStrategyCanPropose() {
        assertEquals(12, StrategyKind.GRID.descriptor().plannedTrials(inputs(StrategyKind.GRID, 100)));
        assertEquals(7, StrategyKind.GRID.descriptor().plannedTrials(inputs(StrategyKind.GRID, 7)));
        assertEquals(100, StrategyKind.RANDOM.descriptor().plannedTrials(inputs(StrategyKind.RANDOM, 100)));
        assertEquals(1, StrategyKind.MANUAL.descriptor().plannedTrials(inputs(StrategyKind.MANUAL, 100)));
        assertEquals(2, StrategyKind.THEORY.descriptor().plannedTrials(inputs(StrategyKind.THEORY, 100)));
    }

    @Test
    void roundSizeFollowsParallelismThenTheKind() {
        assertEquals(40, RoundSize.WHOLE_BUDGET.trialsPerRound(inputs(StrategyKind.MANUAL, 40), 3));
        assertEquals(40, StrategyKind.GRID.descriptor().trialsPerRound(inputs(StrategyKind.GRID, 40), 3));
        StrategyInputs median = inputs(StrategyKind.GRID, SPACE, 40, 0, true, StrategyKind.RANDOM);
        assertEquals(3, StrategyKind.GRID.descriptor().trialsPerRound(median, 3));
        assertEquals(3, StrategyKind.BAYES.descriptor().trialsPerRound(inputs(StrategyKind.BAYES, 40), 3));
        StrategyInputs fixed = inputs(StrategyKind.CMA_ES, SPACE, 40, 5, false, StrategyKind.RANDOM);
        assertEquals(5, StrategyKind.CMA_ES.descriptor().trialsPerRound(fixed, 3));
    }

    /**
     * CMA-ES and pattern search hand out a whole batch per round when the task slots are fewer: a generation
     * (4 + floor(3 ln 2) = 6 in two dimensions) and a complete poll (2 d = 4); more slots still fill a round.
     */
    @Test
    void derivativeFreeRoundsHoldAWholeBatch() {
        assertEquals(6, StrategyKind.CMA_ES.descriptor().trialsPerRound(inputs(StrategyKind.CMA_ES, 40), 2));
        assertEquals(16, StrategyKind.CMA_ES.descriptor().trialsPerRound(inputs(StrategyKind.CMA_ES, 40), 16));
        assertEquals(4, StrategyKind.PATTERN_SEARCH.descriptor().trialsPerRound(
                inputs(StrategyKind.PATTERN_SEARCH, 40), 2));
        assertEquals(2, StrategyKind.NELDER_MEAD.descriptor().trialsPerRound(inputs(StrategyKind.NELDER_MEAD, 40),
                2), "Nelder-Mead's round shapes its moves: the task slots");
    }

    /** A bandit's round is a whole rung: capped by the trial budget, not by the task slots; a set value wins. */
    @Test
    void banditRoundsHoldAWholeRung() {
        for (StrategyKind bandit : List.of(StrategyKind.SUCCESSIVE_HALVING, StrategyKind.HYPERBAND)) {
            assertEquals(RoundSize.WHOLE_RUNG, bandit.descriptor().roundSize());
            assertEquals(40, bandit.descriptor().trialsPerRound(inputs(bandit, 40), 3));
            assertEquals(2, bandit.descriptor().trialsPerRound(
                    inputs(bandit, SPACE, 40, 2, false, StrategyKind.RANDOM), 3));
        }
    }

    @Test
    void kindRulesRejectWhatTheStrategyCannotRun() {
        SearchSpace empty = new SearchSpace(List.of());
        assertThrows(InvalidInputException.class, () -> StrategyKind.GRID.descriptor()
                .check(inputs(StrategyKind.GRID, empty, 10, 0, false, StrategyKind.RANDOM)));
        assertThrows(InvalidInputException.class, () -> StrategyKind.HYPERBAND.descriptor()
                .check(inputs(StrategyKind.HYPERBAND, SPACE, 10, 0, true, StrategyKind.RANDOM)));
        StrategyKind.HYPERBAND.descriptor().check(inputs(StrategyKind.HYPERBAND, 10));
        assertTrue(StrategyKind.THEORY.descriptor().needsTrainingObjective().test(inputs(StrategyKind.THEORY, 1)
                .search()));
        assertFalse(StrategyKind.NELDER_MEAD.descriptor().needsTrainingObjective()
                .test(inputs(StrategyKind.NELDER_MEAD, 1).search()));
        assertNotNull(StrategyKind.byName("cma-es").orElseThrow().descriptor());
    }
}
