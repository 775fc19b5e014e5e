package org.sparkhpo.search;

import java.util.List;

/**
 * Successive halving and Hyperband ({@code hpo.search.bandit}, {@code hpo.search.keep-checkpoints}).
 *
 * @param reductionFactor eta: each rung keeps the best 1/eta, >= 2
 * @param minEpochs the first rung's epoch budget (of the most aggressive bracket), >= 1
 * @param maxEpochs the last rung's epoch budget and every configuration's {@code epochs} (the schedule's
 *     budget T), >= minEpochs
 * @param configurations successive halving's n; 0 for the grid's size (grid sampler) or eta^s_max (random)
 * @param sampler where configurations come from: {@link StrategyKind#GRID} or {@link StrategyKind#RANDOM}
 * @param keepCheckpoints keep {@code <run>/checkpoints} after the run instead of deleting it
 */
public record BanditSettings(int reductionFactor, int minEpochs, int maxEpochs, int configurations,
                             StrategyKind sampler, boolean keepCheckpoints) {
    public BanditSettings {
        if (reductionFactor < 2 || minEpochs < 1 || maxEpochs < minEpochs || configurations < 0) {
            throw new IllegalArgumentException("bandit settings: reduction-factor (" + reductionFactor
                    + ") must be >= 2, min-epochs (" + minEpochs + ") >= 1, max-epochs (" + maxEpochs
                    + ") >= min-epochs and configurations (" + configurations + ") >= 0");
        }
        if (!List.of(samplers()).contains(sampler)) {
            throw new IllegalArgumentException("bandit sampler: " + sampler + " must be grid, random, tpe or bayes");
        }
    }

    /** @return the strategies that can sample a bandit's rung-0 configurations, in the order messages list them */
    public static StrategyKind[] samplers() {
        return new StrategyKind[] {StrategyKind.GRID, StrategyKind.RANDOM, StrategyKind.TPE, StrategyKind.BAYES};
    }
}
