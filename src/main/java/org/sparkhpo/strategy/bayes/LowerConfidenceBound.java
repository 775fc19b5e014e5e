package org.sparkhpo.strategy.bayes;

/**
 * The lower confidence bound of a Gaussian process for minimization, mu(x) - kappa s(x): the minimization form of
 * GP-UCB (Srinivas, Krause, Kakade and Seeger, "Gaussian process optimization in the bandit setting: no regret
 * and experimental design", ICML 2010), with mu and s the posterior mean and standard deviation of the latent
 * function. kappa = 0 is the posterior mean alone (the "predicted value" criterion of Rehbach, Zaefferer, Naujoks
 * and Bartz-Beielstein, "Expected improvement versus predicted value in surrogate-based optimization", GECCO
 * 2020); a small kappa keeps the search next to where the model believes the minimum is, with a little optimism
 * about the uncertain neighbourhood.
 */
public final class LowerConfidenceBound {
    private LowerConfidenceBound() {
    }

    /**
     * @param model the fitted process
     * @param x a model point
     * @param kappa the weight of the standard deviation, >= 0
     * @return mu(x) - kappa s(x)
     */
    public static double of(GaussianProcess model, double[] x, double kappa) {
        double[] posterior = model.predict(x);
        return posterior[0] - kappa * Math.sqrt(posterior[1]);
    }
}
