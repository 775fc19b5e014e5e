package org.sparkhpo.config;

import org.sparkhpo.space.SearchSpace;

/**
 * How configurations are searched ({@code hpo.search}).
 *
 * @param strategy the strategy
 * @param trials the most trials to run, >= 1
 * @param parallelism trials per round, 0 for Spark's default parallelism
 * @param space the search space
 */
public record SearchSettings(StrategyKind strategy, int trials, int parallelism, SearchSpace space) {
}
