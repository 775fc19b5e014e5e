package org.sparkhpo.app;

import org.sparkhpo.config.SearchSettings;
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
        };
    }

    /** @return how many trials the strategy will run at most (for progress lines) */
    static int plannedTrials(SearchSettings search) {
        return switch (search.strategy()) {
            case GRID -> (int) Math.min(search.space().gridSize(), search.trials());
            case RANDOM -> search.trials();
        };
    }
}
