package org.sparkhpo.search;

import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.bandit.BracketPlan;
import org.sparkhpo.strategy.bandit.ConfigurationSampler;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.bandit.HyperbandStrategy;
import org.sparkhpo.strategy.bandit.RungModel;
import org.sparkhpo.strategy.bandit.RungRanking;
import org.sparkhpo.strategy.bandit.SuccessiveHalvingStrategy;
import org.sparkhpo.strategy.bayes.BayesStrategy;
import org.sparkhpo.strategy.bayes.ModelBasedStrategy;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.strategy.tpe.TpeStrategy;

/**
 * Builds successive halving or Hyperband from the settings, with a grid or random configuration sampler or a
 * TPE or Gaussian-process model over the rungs (BOHB), and
 * counts their trials from the bracket plans alone.
 */
final class BanditStrategies {
    private BanditStrategies() {
    }

    static HyperbandStrategy hyperband(StrategyInputs inputs) {
        BanditSettings bandit = inputs.bandit();
        return new HyperbandStrategy(bandit.reductionFactor(), bandit.minEpochs(), bandit.maxEpochs(),
                sampler(inputs), ranking(inputs));
    }

    static SuccessiveHalvingStrategy successiveHalving(StrategyInputs inputs) {
        BanditSettings bandit = inputs.bandit();
        return new SuccessiveHalvingStrategy(configurations(inputs), bandit.reductionFactor(), bandit.minEpochs(),
                bandit.maxEpochs(), sampler(inputs), ranking(inputs));
    }

    /** @return the trials Hyperband's brackets evaluate */
    static int hyperbandTrials(StrategyInputs inputs) {
        BanditSettings bandit = inputs.bandit();
        return BracketPlan.hyperband(bandit.reductionFactor(), bandit.minEpochs(), bandit.maxEpochs()).stream()
                .mapToInt(BracketPlan::evaluations).sum();
    }

    /** @return the trials successive halving's one bracket evaluates */
    static int successiveHalvingTrials(StrategyInputs inputs) {
        BanditSettings bandit = inputs.bandit();
        return BracketPlan.successiveHalving(configurations(inputs), bandit.reductionFactor(), bandit.minEpochs(),
                bandit.maxEpochs()).evaluations();
    }

    /** @return successive halving's n: the setting, or by default the grid's size or eta^s_max */
    static int configurations(StrategyInputs inputs) {
        BanditSettings bandit = inputs.bandit();
        if (bandit.configurations() > 0) {
            return bandit.configurations();
        }
        if (bandit.sampler() == StrategyKind.GRID) {
            return (int) Math.min(inputs.search().space().gridSize(), Integer.MAX_VALUE);
        }
        int sMax = BracketPlan.maxBracket(bandit.reductionFactor(), bandit.minEpochs(), bandit.maxEpochs());
        return (int) Math.round(Math.pow(bandit.reductionFactor(), sMax));
    }

    /** @return by non-dominated sorting and crowding under a Pareto objective, else by the metric */
    private static RungRanking ranking(StrategyInputs inputs) {
        return inputs.cost().mode() == CombinationMode.PARETO
                ? RungRanking.pareto(inputs.metric(), inputs.cost().axes()) : RungRanking.byMetric(inputs.metric());
    }

    private static ConfigurationSampler sampler(StrategyInputs inputs) {
        SearchSpace space = inputs.search().space();
        long seed = inputs.seed();
        StrategyKind kind = inputs.bandit().sampler();
        if (kind == StrategyKind.GRID) {
            return new ConfigurationSampler(() -> new GridStrategy(space, Integer.MAX_VALUE));
        }
        if (!kind.isModelBased()) {
            return new ConfigurationSampler(() -> new RandomStrategy(space, Integer.MAX_VALUE, seed));
        }
        MinimizedObjective objective = StrategyKind.minimized(inputs);
        ModelBasedStrategy model = StrategyKind.forObjective(inputs, kind == StrategyKind.TPE
                ? new TpeStrategy(space, objective, inputs.search().tpe().asMultivariate(), 1, seed)
                : new BayesStrategy(space, objective, inputs.search().bayes(), 1, seed));
        RungModel rungModel = new RungModel(model, Math.max(3, space.dimension() + 1));
        return new ConfigurationSampler(() -> new RandomStrategy(space, Integer.MAX_VALUE, seed), rungModel, seed);
    }
}
