package org.sparkhpo.strategy.dfo;

import java.util.Objects;

/**
 * Options shared by the derivative-free strategies ({@code hpo.search.dfo}). Immutable, validated here with
 * messages that name the key, the value and the rule. Lengths are in the unit cube, where every searched
 * parameter spans [0, 1] on its own scale.
 *
 * @param initialPoints size of a first design round whose best point starts the method; 0 starts at the
 *     start point given to the strategy
 * @param design how the initial design spreads its points
 * @param step the initial scale of Nelder–Mead (simplex edge) and pattern search (poll step); in (0, 1]
 * @param minStep below this the method has converged: pattern search stops, Nelder–Mead and CMA-ES restart
 *     from the best point; in (0, step) and below sigma
 * @param population CMA-ES population lambda; 0 uses max(round size, 4 + floor(3 ln d))
 * @param sigma CMA-ES's initial step size sigma_0, in (0, 1]; {@link #DEFAULT_SIGMA} = 1/6, Optuna's
 *     CmaEsSampler default (mean +- 3 sigma spans the cube from the centre)
 */
public record DfoOptions(int initialPoints, DesignKind design, double step, double minStep, int population,
                         double sigma) {
    /** CMA-ES's default initial sigma, 1/6 of every range (the {@code cmaes} library's and Optuna's). */
    public static final double DEFAULT_SIGMA = 1.0 / 6.0;

    public DfoOptions {
        Objects.requireNonNull(design, "design");
        if (initialPoints < 0) {
            throw new IllegalArgumentException("initial-points: " + initialPoints + " must be >= 0");
        }
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("step: " + step + " must be in (0, 1]");
        }
        if (!(minStep > 0 && minStep < step)) {
            throw new IllegalArgumentException("min-step: " + minStep + " must be in (0, step = " + step + ")");
        }
        if (population < 0 || population == 1) {
            throw new IllegalArgumentException("population: " + population + " must be 0 (default) or >= 2");
        }
        if (!(sigma > minStep && sigma <= 1)) {
            throw new IllegalArgumentException("sigma: " + sigma + " must be in (min-step = " + minStep + ", 1]");
        }
    }

    /** Options with CMA-ES's default sigma, {@link #DEFAULT_SIGMA}. */
    public DfoOptions(int initialPoints, DesignKind design, double step, double minStep, int population) {
        this(initialPoints, design, step, minStep, population, DEFAULT_SIGMA);
    }

    /**
     * @return the defaults of reference.conf: no design round, step 0.25, min-step 1e-3, default population,
     *     sigma 1/6
     */
    public static DfoOptions defaults() {
        return new DfoOptions(0, DesignKind.HALTON, 0.25, 1e-3, 0);
    }

    /** @return these options with another initial design size */
    public DfoOptions withInitialPoints(int points) {
        return new DfoOptions(points, design, step, minStep, population, sigma);
    }
}
