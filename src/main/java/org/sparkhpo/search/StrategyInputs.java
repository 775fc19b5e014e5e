package org.sparkhpo.search;

import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

/**
 * The validated settings a strategy is built from: the part of the job's settings a {@link StrategyDescriptor}
 * may read, so that the search layer does not depend on the whole configuration.
 *
 * @param search the search settings (strategy, space, budget, derivative-free and manual settings)
 * @param bandit the successive halving and Hyperband settings
 * @param median the median stopping rule
 * @param metric the objective metric (its key and direction)
 * @param loss the model's loss (the theory strategy estimates smoothness with it)
 * @param fixed the values of the hyperparameters the space does not search
 * @param seed the job seed
 * @param cost the validation metric with the costs beside it and how they combine (a Pareto objective makes
 *     the bandits rank a rung by non-dominated sorting; strategies that follow one value refuse it)
 */
public record StrategyInputs(SearchSettings search, BanditSettings bandit, MedianStoppingSettings median,
                             Metric metric, LossType loss, HyperParameters fixed, long seed,
                             ObjectiveSpec cost) {
    /** @return the descriptor of the strategy the settings name */
    public StrategyDescriptor descriptor() {
        return search.strategy().descriptor();
    }
}
