package org.sparkhpo.strategy.random;

import java.util.SplittableRandom;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.BudgetedListStrategy;

/**
 * Random search (Bergstra and Bengio, "Random search for hyper-parameter optimization", JMLR 2012):
 * configuration i is drawn uniformly in the unit cube and mapped through each parameter's scale (so a log
 * range is sampled log-uniformly). Draw i uses its own generator seeded from (job seed, i), so the same
 * seed gives the same configurations whatever the round size or partitioning.
 */
public final class RandomStrategy extends BudgetedListStrategy {
    /** Separates the sampler's random streams from the trials' training streams. */
    private static final long SAMPLER_STREAM = 0x5A3D_1E2F_7C4B_9A61L;

    private final SearchSpace space;
    private final long seed;

    /**
     * @param space the space to sample
     * @param trials how many configurations to draw
     * @param jobSeed the job seed
     */
    public RandomStrategy(SearchSpace space, int trials, long jobSeed) {
        super(trials, "random");
        this.space = space;
        this.seed = jobSeed ^ SAMPLER_STREAM;
    }

    @Override
    protected Configuration configurationAt(int index) {
        SplittableRandom random = new SplittableRandom(TrialSeeds.of(seed, index));
        double[] unit = new double[space.dimension()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = random.nextDouble();
        }
        return space.fromUnit(unit);
    }
}
