package org.sparkhpo.app;

import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.MedianStoppingSettings;
import org.sparkhpo.config.SearchSettings;
import org.sparkhpo.strategy.MedianStoppingStrategy;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;

/** Builds the strategy the settings name. */
final class StrategyFactory {
    private StrategyFactory() {
    }

    static Strategy create(SearchSettings search, long jobSeed) {
        return switch (search.strategy()) {
            case GRID -> new GridStrategy(search.space(), search.trials());
            case RANDOM -> new RandomStrategy(search.space(), search.trials(), jobSeed);
            case SUCCESSIVE_HALVING, HYPERBAND -> throw new IllegalArgumentException(
                    search.strategy().configName() + " needs the bandit settings: use create(JobSettings)");
        };
    }

    /** @return the run's strategy: bandits from their settings, others wrapped by the median rule when on */
    static Strategy create(JobSettings settings) {
        if (settings.search().strategy().isBandit()) {
            return BanditStrategies.create(settings);
        }
        Strategy strategy = create(settings.search(), settings.seed());
        MedianStoppingSettings median = settings.medianStopping();
        return median.enabled() ? new MedianStoppingStrategy(strategy, median.graceEpochs(), median.minTrials())
                : strategy;
    }

    /** @return how many trials the run's strategy will run at most (for progress lines) */
    static int plannedTrials(JobSettings settings) {
        if (settings.search().strategy().isBandit()) {
            return Math.min(settings.search().trials(), BanditStrategies.create(settings).plannedTrials());
        }
        return plannedTrials(settings.search());
    }

    /** @return how many trials the strategy will run at most (for progress lines) */
    static int plannedTrials(SearchSettings search) {
        return switch (search.strategy()) {
            case GRID -> (int) Math.min(search.space().gridSize(), search.trials());
            case RANDOM -> search.trials();
            case SUCCESSIVE_HALVING, HYPERBAND -> search.trials();
        };
    }
}
