package org.sparkhpo.common;

/**
 * Derives a trial's seed from the job seed and the trial id, never from call order or partitioning, so
 * the same job seed gives the same trials on any cluster.
 *
 * <p>The mix is SplitMix64's finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) applied to {@code jobSeed + GOLDEN_GAMMA * (id + 1)}, which spreads
 * neighbouring ids over the whole 64-bit range.
 */
public final class TrialSeeds {
    /** The odd constant 2^64 / golden ratio used by SplitMix64. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TrialSeeds() {
    }

    /**
     * @param jobSeed the job seed ({@code hpo.seed})
     * @param id the trial id (or any other stream number, such as a strategy's own stream)
     * @return the derived seed
     */
    public static long of(long jobSeed, long id) {
        long z = jobSeed + GOLDEN_GAMMA * (id + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
