package org.sparkhpo.strategy.dfo;

import java.util.SplittableRandom;

/**
 * The points of an initial design round: {@code count} points in the unit cube, random or Halton (see
 * {@link DesignKind}; beyond 30 coordinates, which the prime table covers, Halton falls back to random).
 * The caller's seeded stream makes the design reproducible.
 */
public final class InitialDesign {
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
        67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113};

    private InitialDesign() {
    }

    /**
     * @param kind random or Halton
     * @param count how many points
     * @param dimension coordinates per point
     * @param random the strategy's stream (consumed: dimension draws for Halton, count x dimension for random)
     * @return the points, each in [0, 1]^dimension
     */
    public static double[][] points(DesignKind kind, int count, int dimension, SplittableRandom random) {
        double[][] points = new double[count][dimension];
        if (kind == DesignKind.RANDOM || dimension > PRIMES.length) {
            for (double[] point : points) {
                for (int i = 0; i < dimension; i++) {
                    point[i] = random.nextDouble();
                }
            }
            return points;
        }
        double[] shift = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            shift[i] = random.nextDouble();
        }
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < dimension; i++) {
                double u = radicalInverse(k + 1, PRIMES[i]) + shift[i];
                points[k][i] = u - Math.floor(u);
            }
        }
        return points;
    }

    /** @return the digits of {@code index} in base {@code base}, mirrored about the radix point */
    static double radicalInverse(long index, int base) {
        double result = 0.0;
        double scale = 1.0 / base;
        for (long rest = index; rest > 0; rest /= base) {
            result += (rest % base) * scale;
            scale /= base;
        }
        return result;
    }
}
