package org.sparkhpo.strategy.tpe;

/**
 * Options of the {@code tpe} strategy ({@code hpo.search.tpe}). Immutable, validated here with messages that
 * name the key, the value and the rule.
 *
 * @param initialPoints size of the Halton design before the first model round; 0 for max(d + 1, round size)
 * @param candidates points drawn from l(x) per proposal, the best ratio l/g wins (Optuna's n_ei_candidates),
 *     >= 1
 * @param gamma the fraction of completed trials that form the good group, capped at 25 trials as in Optuna
 *     (min(ceil(gamma n), 25)); in (0, 0.5]
 * @param priorWeight the weight of the prior component of each estimator, > 0
 * @param multivariate true: one joint density over all coordinates ({@link ParzenEstimator}); false: one
 *     density per coordinate ({@link UnivariateParzenEstimator}), each coordinate chosen on its own
 */
public record TpeOptions(int initialPoints, int candidates, double gamma, double priorWeight,
                         boolean multivariate) {
    public TpeOptions {
        if (initialPoints < 0) {
            throw new IllegalArgumentException("initial-points: " + initialPoints + " must be >= 0");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates: " + candidates + " must be >= 1");
        }
        if (!(gamma > 0 && gamma <= 0.5)) {
            throw new IllegalArgumentException("gamma: " + gamma + " must be in (0, 0.5]");
        }
        if (!(priorWeight > 0)) {
            throw new IllegalArgumentException("prior-weight: " + priorWeight + " must be > 0");
        }
    }

    /**
     * @return these options in the multivariate mode: BOHB's sampler, whose model is the paper's multivariate
     *     KDE (Falkner et al., ICML 2018, section 3.1) whatever {@code hpo.search.tpe.multivariate} says
     */
    public TpeOptions asMultivariate() {
        return new TpeOptions(initialPoints, candidates, gamma, priorWeight, true);
    }

    /** @return the defaults of reference.conf (Optuna's: 24 candidates, gamma 0.1, prior weight 1) */
    public static TpeOptions defaults() {
        return new TpeOptions(0, 24, 0.1, 1.0, false);
    }
}
