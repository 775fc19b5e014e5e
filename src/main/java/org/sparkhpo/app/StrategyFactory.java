package org.sparkhpo.app;

import org.sparkhpo.config.DfoStart;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.MedianStoppingSettings;
import org.sparkhpo.config.SearchSettings;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.strategy.MedianStoppingStrategy;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.baseline.FolkloreStrategy;
import org.sparkhpo.strategy.baseline.ManualStrategy;
import org.sparkhpo.strategy.baseline.SmoothnessEstimate;
import org.sparkhpo.strategy.baseline.SmoothnessEstimator;
import org.sparkhpo.strategy.baseline.TheoryStrategy;
import org.sparkhpo.strategy.dfo.CmaEsStrategy;
import org.sparkhpo.strategy.dfo.MinimizedObjective;
import org.sparkhpo.strategy.dfo.NelderMeadStrategy;
import org.sparkhpo.strategy.dfo.PatternSearchStrategy;
import org.sparkhpo.strategy.dfo.UnitCube;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.trial.TrialRunner;

/** Builds the strategy the settings name. */
final class StrategyFactory {
    private StrategyFactory() {
    }

    static Strategy create(SearchSettings search, long jobSeed) {
        return switch (search.strategy()) {
            case GRID -> new GridStrategy(search.space(), search.trials());
            case RANDOM -> new RandomStrategy(search.space(), search.trials(), jobSeed);
            default -> throw new IllegalArgumentException(search.strategy().configName()
                    + " needs the run's settings and data (use create(settings, data, roundSize))");
        };
    }

    /**
     * @param settings the run's settings
     * @param data the prepared data on the driver (the theory strategy and start estimate smoothness on it)
     * @param roundSize the trials per round, >= 1
     * @return the strategy
     */
    static Strategy create(JobSettings settings, PreparedData data, int roundSize) {
        SearchSettings search = settings.search();
        MinimizedObjective objective = new MinimizedObjective(TrialRunner.objectiveKey(settings.metric()),
                settings.metric().higherIsBetter());
        return switch (search.strategy()) {
            case GRID, RANDOM -> withMedianRule(settings, create(search, settings.seed()));
            case SUCCESSIVE_HALVING, HYPERBAND -> BanditStrategies.create(settings);
            case NELDER_MEAD -> new NelderMeadStrategy(search.space(), objective, search.dfo(), roundSize,
                    start(settings, data), settings.seed());
            case PATTERN_SEARCH -> new PatternSearchStrategy(search.space(), objective, search.dfo(),
                    start(settings, data), settings.seed());
            case CMA_ES -> new CmaEsStrategy(search.space(), objective, search.dfo(), roundSize,
                    start(settings, data), settings.seed());
            case FOLKLORE -> new FolkloreStrategy(search.trials());
            case MANUAL -> new ManualStrategy(search.manual(), search.trials());
            case THEORY -> new TheoryStrategy(estimate(settings, data), search.trials());
        };
    }

    /** @return {@code strategy} wrapped by the median stopping rule when the settings turn it on */
    private static Strategy withMedianRule(JobSettings settings, Strategy strategy) {
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
            case FOLKLORE -> Math.min(FolkloreStrategy.DEFAULTS.size(), search.trials());
            case MANUAL -> Math.min(search.manual().size(), search.trials());
            case THEORY -> Math.min(2, search.trials());
            default -> search.trials();
        };
    }

    private static SmoothnessEstimate estimate(JobSettings settings, PreparedData data) {
        return SmoothnessEstimator.estimate(data.train(), settings.model().loss(), settings.fixed().l2(),
                settings.seed());
    }

    /** @return the derivative-free start point in the unit cube, or null for the centre */
    private static double[] start(JobSettings settings, PreparedData data) {
        UnitCube cube = new UnitCube(settings.search().space());
        DfoStart start = settings.search().start();
        return switch (start) {
            case CENTER -> null;
            case TRAINING -> cube.point(fixedValues(settings), 0.5);
            case THEORY -> cube.point(TheoryStrategy.heavyBallConfiguration(estimate(settings, data)), 0.5);
        };
    }

    private static Configuration fixedValues(JobSettings settings) {
        HyperParameters fixed = settings.fixed();
        Configuration configuration = Configuration.empty();
        for (Parameter parameter : settings.search().space().parameters()) {
            Object value = switch (parameter.tunable()) {
                case LEARNING_RATE -> fixed.learningRate();
                case MOMENTUM -> fixed.momentum();
                case NESTEROV -> fixed.nesterov();
                case BATCH_SIZE -> fixed.batchSize();
                case EPOCHS -> fixed.epochs();
                case L2 -> fixed.l2();
                case L1 -> fixed.l1();
                case SCHEDULE -> fixed.schedule();
                case DECAY_RATE -> fixed.decayRate();
                case DECAY_EPOCHS -> fixed.decayEpochs();
            };
            configuration = configuration.with(parameter.name(), value);
        }
        return configuration;
    }
}
