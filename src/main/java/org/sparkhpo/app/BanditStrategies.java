package org.sparkhpo.app;

import org.sparkhpo.config.BanditSettings;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.StrategyKind;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.bandit.BanditStrategy;
import org.sparkhpo.strategy.bandit.BracketPlan;
import org.sparkhpo.strategy.bandit.ConfigurationSampler;
import org.sparkhpo.strategy.bandit.HyperbandStrategy;
import org.sparkhpo.strategy.bandit.SuccessiveHalvingStrategy;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;

/** Builds successive halving or Hyperband from the settings, with a grid or random configuration sampler. */
final class BanditStrategies {
    private BanditStrategies() {
    }

    static BanditStrategy create(JobSettings settings) {
        BanditSettings bandit = settings.bandit();
        ConfigurationSampler sampler = sampler(settings.search().space(), bandit.sampler(), settings.seed());
        if (settings.search().strategy() == StrategyKind.HYPERBAND) {
            return new HyperbandStrategy(bandit.reductionFactor(), bandit.minEpochs(), bandit.maxEpochs(), sampler,
                    settings.metric());
        }
        return new SuccessiveHalvingStrategy(configurations(settings), bandit.reductionFactor(), bandit.minEpochs(),
                bandit.maxEpochs(), sampler, settings.metric());
    }

    /** @return successive halving's n: the setting, or by default the grid's size or eta^s_max */
    static int configurations(JobSettings settings) {
        BanditSettings bandit = settings.bandit();
        if (bandit.configurations() > 0) {
            return bandit.configurations();
        }
        if (bandit.sampler() == StrategyKind.GRID) {
            return (int) Math.min(settings.search().space().gridSize(), Integer.MAX_VALUE);
        }
        int sMax = BracketPlan.maxBracket(bandit.reductionFactor(), bandit.minEpochs(), bandit.maxEpochs());
        return (int) Math.round(Math.pow(bandit.reductionFactor(), sMax));
    }

    private static ConfigurationSampler sampler(SearchSpace space, StrategyKind kind, long seed) {
        if (kind == StrategyKind.GRID) {
            return new ConfigurationSampler(() -> new GridStrategy(space, Integer.MAX_VALUE));
        }
        return new ConfigurationSampler(() -> new RandomStrategy(space, Integer.MAX_VALUE, seed));
    }
}
