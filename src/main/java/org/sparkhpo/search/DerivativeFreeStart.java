package org.sparkhpo.search;

import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.strategy.UnitCube;
import org.sparkhpo.strategy.baseline.SmoothnessEstimate;
import org.sparkhpo.strategy.baseline.SmoothnessEstimator;
import org.sparkhpo.strategy.baseline.TheoryStrategy;
import org.sparkhpo.train.HyperParameters;

/**
 * Where a derivative-free strategy starts ({@code hpo.search.dfo.start}): the centre of the unit cube, the
 * fixed training values, or the theory strategy's heavy-ball configuration, and the smoothness estimate the
 * theory strategy and start share.
 */
final class DerivativeFreeStart {
    private DerivativeFreeStart() {
    }

    /** @return the smoothness estimate on the driver's training part */
    static SmoothnessEstimate estimate(StrategyInputs inputs, PreparedData data) {
        return SmoothnessEstimator.estimate(data.train(), inputs.loss(), inputs.fixed().l2(), inputs.seed());
    }

    /** @return the derivative-free start point in the unit cube, or null for the centre */
    static double[] point(StrategyInputs inputs, PreparedData data) {
        UnitCube cube = new UnitCube(inputs.search().space());
        return switch (inputs.search().start()) {
            case CENTER -> null;
            case TRAINING -> cube.point(fixedValues(inputs), 0.5);
            case THEORY -> cube.point(TheoryStrategy.heavyBallConfiguration(estimate(inputs, data)), 0.5);
        };
    }

    private static Configuration fixedValues(StrategyInputs inputs) {
        HyperParameters fixed = inputs.fixed();
        Configuration configuration = Configuration.empty();
        for (Parameter parameter : inputs.search().space().parameters()) {
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
                case THREADS -> fixed.threads();
                case PRECISION -> fixed.precision();
            };
            configuration = configuration.with(parameter.name(), value);
        }
        return configuration;
    }
}
