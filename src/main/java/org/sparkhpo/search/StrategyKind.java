package org.sparkhpo.search;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;
import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.strategy.MedianStoppingStrategy;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.UnitCube;
import org.sparkhpo.strategy.baseline.FolkloreStrategy;
import org.sparkhpo.strategy.baseline.ManualStrategy;
import org.sparkhpo.strategy.baseline.TheoryStrategy;
import org.sparkhpo.strategy.bayes.BayesStrategy;
import org.sparkhpo.strategy.bayes.ModelBasedStrategy;
import org.sparkhpo.strategy.dfo.CmaEsParameters;
import org.sparkhpo.strategy.dfo.CmaEsStrategy;
import org.sparkhpo.strategy.dfo.NelderMeadStrategy;
import org.sparkhpo.strategy.dfo.PatternSearchStrategy;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.strategy.tpe.TpeStrategy;
import org.sparkhpo.trial.TrialRunner;

/**
 * The strategies a user can choose ({@code hpo.search.strategy}) and the one registry of what each is: every
 * constant registers its {@link StrategyDescriptor} on one line (a few, wrapped). A new strategy is its class,
 * its test, one constant here, and its keys in reference.conf and README.md (DESIGN.md section 4).
 */
public enum StrategyKind implements ConfigNamed {
    GRID(StrategyDescriptor.of((in, data, round) -> withMedianRule(in, new GridStrategy(in.search().space(),
                    in.search().trials()))).rounds(RoundSize.WHOLE_BUDGET_UNLESS_MEDIAN_RULE)
            .plannedTrials(in -> (int) Math.min(in.search().space().gridSize(), Integer.MAX_VALUE))
            .rejecting(StrategyRules::checkGridSpace)),
    RANDOM(StrategyDescriptor.of((in, data, round) -> withMedianRule(in, new RandomStrategy(in.search().space(),
                    in.search().trials(), in.seed()))).rounds(RoundSize.WHOLE_BUDGET_UNLESS_MEDIAN_RULE)),
    SUCCESSIVE_HALVING(StrategyDescriptor.of((in, data, round) -> BanditStrategies.successiveHalving(in))
            .rounds(RoundSize.WHOLE_RUNG).plannedTrials(BanditStrategies::successiveHalvingTrials).settling()
            .rejecting(StrategyRules::checkBandit)),
    HYPERBAND(StrategyDescriptor.of((in, data, round) -> BanditStrategies.hyperband(in))
            .rounds(RoundSize.WHOLE_RUNG).plannedTrials(BanditStrategies::hyperbandTrials).settling()
            .rejecting(StrategyRules::checkBandit)),
    NELDER_MEAD(derivativeFree((in, data, round) -> new NelderMeadStrategy(in.search().space(), minimized(in),
            in.search().dfo(), round, DerivativeFreeStart.point(in, data), in.seed()))),
    PATTERN_SEARCH(derivativeFree((in, data, round) -> new PatternSearchStrategy(in.search().space(),
            minimized(in), in.search().dfo(), DerivativeFreeStart.point(in, data), in.seed()))
            .batches(in -> 2 * dimension(in))),
    CMA_ES(derivativeFree((in, data, round) -> new CmaEsStrategy(in.search().space(), minimized(in),
            in.search().dfo(), round, DerivativeFreeStart.point(in, data), in.seed()))
            .batches(StrategyKind::generation)),
    FOLKLORE(StrategyDescriptor.of((in, data, round) -> new FolkloreStrategy(in.search().trials()))
            .rounds(RoundSize.WHOLE_BUDGET).plannedTrials(in -> FolkloreStrategy.DEFAULTS.size())
            .needingTraining(search -> true)),
    MANUAL(StrategyDescriptor.of((in, data, round) -> new ManualStrategy(in.search().manual(), in.search().trials()))
            .rounds(RoundSize.WHOLE_BUDGET).plannedTrials(in -> in.search().manual().size())
            .rejecting(StrategyRules::checkManual)),
    THEORY(StrategyDescriptor.of((in, data, round) -> new TheoryStrategy(DerivativeFreeStart.estimate(in, data),
                    in.search().trials())).rounds(RoundSize.WHOLE_BUDGET).plannedTrials(in -> 2)
            .needingTraining(search -> true)),
    BAYES(StrategyDescriptor.of((in, data, round) -> forObjective(in, new BayesStrategy(in.search().space(),
            minimized(in), in.search().bayes(), round, in.seed()))).rejecting(StrategyRules::checkModelSpace)),
    TPE(StrategyDescriptor.of((in, data, round) -> forObjective(in, new TpeStrategy(in.search().space(),
            minimized(in), in.search().tpe(), round, in.seed()))).rejecting(StrategyRules::checkModelSpace));

    private final StrategyDescriptor descriptor;

    StrategyKind(StrategyDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** @return what this strategy is: how it is built, its rounds, its planned trials, its rules */
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    /** @return true for the strategies that settle results per rung, hand out epoch budgets and resume checkpoints */
    public boolean isBandit() {
        return descriptor.settlesResults();
    }

    /** @return true for the derivative-free strategies, which search the unit cube of the space */
    public boolean isDerivativeFree() {
        return descriptor.searchesUnitCube();
    }

    /** @return true for the model-based strategies (Gaussian process, TPE), which can also feed the bandits */
    public boolean isModelBased() {
        return this == BAYES || this == TPE;
    }

    /** @return the strategy called {@code name}, if any */
    public static Optional<StrategyKind> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }

    /**
     * A derivative-free strategy: searches the unit cube, a theory start needs a training objective, and it
     * follows one value, so it refuses a Pareto objective.
     */
    private static StrategyDescriptor derivativeFree(StrategyDescriptor.Builder builder) {
        return StrategyDescriptor.of(builder).inUnitCube().needingTraining(search -> search.start() == DfoStart.THEORY)
                .rejecting(StrategyRules::refusePareto);
    }

    /** @return the dimension of the unit cube a derivative-free strategy searches */
    private static int dimension(StrategyInputs inputs) {
        return new UnitCube(inputs.search().space()).dimension();
    }

    /**
     * @return a CMA-ES generation without a round to fill: the configured population, else Hansen's default
     *     4 + floor(3 ln n) ({@code CmaEsStrategy} takes max(round size, that) as lambda, so rounds of this size
     *     leave lambda as the task slots would and hand out each generation as one round)
     */
    private static int generation(StrategyInputs inputs) {
        int population = inputs.search().dfo().population();
        return population > 0 ? population : CmaEsParameters.defaultLambda(dimension(inputs));
    }

    /** @return the objective a derivative-free strategy minimizes: the metric, negated when higher is better */
    static MinimizedObjective minimized(StrategyInputs inputs) {
        return new MinimizedObjective(TrialRunner.objectiveKey(inputs.metric()), inputs.metric().higherIsBetter());
    }

    /**
     * @return the model-based strategy searching the Pareto front of the metric and the costs (ParEGO) under
     *     {@code hpo.cost.mode = pareto}, else as built
     */
    static ModelBasedStrategy forObjective(StrategyInputs inputs, ModelBasedStrategy strategy) {
        return inputs.cost().mode() == CombinationMode.PARETO
                ? strategy.searchingParetoFront(inputs.cost().axes()) : strategy;
    }

    /** @return {@code strategy} wrapped by the median stopping rule when the settings turn it on */
    private static Strategy withMedianRule(StrategyInputs inputs, Strategy strategy) {
        MedianStoppingSettings median = inputs.median();
        return median.enabled() ? new MedianStoppingStrategy(strategy, median.graceEpochs(), median.minTrials())
                : strategy;
    }

}
