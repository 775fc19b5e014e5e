package org.sparkhpo.strategy.dfo;

/**
 * The strategy parameters of CMA-ES for dimension n and population lambda, with the default values of Hansen,
 * "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016), Table 1, including the negative
 * recombination weights of the active covariance update (Jastrebski and Arnold, "Improving evolution strategies
 * through active covariance matrix adaptation", CEC 2006), as the {@code cmaes} library behind Optuna's
 * CmaEsSampler (Nomura and Shibata, arXiv:2402.01373) sets them:
 *
 * <pre>
 *   mu = floor(lambda / 2),  w_i' = ln((lambda + 1) / 2) - ln i   (i = 1..lambda)
 *   mu_eff = (sum_{i<=mu} w_i')^2 / sum_{i<=mu} w_i'^2,  mu_eff^- likewise over i > mu
 *   c_c = (4 + mu_eff / n) / (n + 4 + 2 mu_eff / n)
 *   c_sigma = (mu_eff + 2) / (n + mu_eff + 5)
 *   c_1 = 2 / ((n + 1.3)^2 + mu_eff)
 *   c_mu = min(1 - c_1 - 1e-8, 2 (mu_eff - 2 + 1 / mu_eff) / ((n + 2)^2 + mu_eff))
 *   d_sigma = 1 + 2 max(0, sqrt((mu_eff - 1) / (n + 1)) - 1) + c_sigma
 *   w_i = w_i' / sum_{w'>0} w'                                     for w_i' >= 0
 *   w_i = min(1 + c_1 / c_mu, 1 + 2 mu_eff^- / (mu_eff + 2), (1 - c_1 - c_mu) / (n c_mu)) w_i' / sum_{w'<0} |w'|
 *   E||N(0, I)|| ~ sqrt(n) (1 - 1 / (4 n) + 1 / (21 n^2))
 * </pre>
 *
 * @param n the dimension
 * @param lambda the population size
 * @param mu the number of parents (the positive weights)
 * @param weights the recombination weights w_1..w_lambda: the first mu positive and summing to 1, the rest
 *     negative (used only in the rank-mu covariance update)
 * @param muEff the variance-effective selection mass mu_eff
 * @param cc the learning rate c_c of the rank-one evolution path
 * @param cSigma the learning rate c_sigma of the step-size evolution path
 * @param c1 the rank-one learning rate c_1
 * @param cMu the rank-mu learning rate c_mu
 * @param dSigma the step-size damping d_sigma
 * @param chiN E||N(0, I)||
 */
public record CmaEsParameters(int n, int lambda, int mu, double[] weights, double muEff, double cc, double cSigma,
                              double c1, double cMu, double dSigma, double chiN) {

    /** @return Hansen's default population, 4 + floor(3 ln n) */
    public static int defaultLambda(int n) {
        return 4 + (int) Math.floor(3.0 * Math.log(n));
    }

    /**
     * @param n the dimension, >= 1
     * @param lambda the population size, >= 2
     * @return the default parameters of the tutorial
     */
    public static CmaEsParameters of(int n, int lambda) {
        if (n < 1 || lambda < 2) {
            throw new IllegalArgumentException("CMA-ES: dimension (" + n + ") must be >= 1 and population ("
                    + lambda + ") >= 2");
        }
        int mu = lambda / 2;
        double[] prime = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            prime[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        }
        double muEff = selectionMass(prime, 0, mu);
        double muEffMinus = selectionMass(prime, mu, lambda);
        double cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double cSigma = (muEff + 2) / (n + muEff + 5);
        double c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        double cMu = Math.min(1 - c1 - 1e-8, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        double alphaMinus = Math.min(1 + c1 / cMu, (1 - c1 - cMu) / (n * cMu));
        if (muEffMinus > 0) {
            alphaMinus = Math.min(alphaMinus, 1 + 2 * muEffMinus / (muEff + 2));
        }
        double[] weights = normalized(prime, alphaMinus);
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        return new CmaEsParameters(n, lambda, mu, weights, muEff, cc, cSigma, c1, cMu, dSigma, chiN);
    }

    /** @return (sum w')^2 / sum w'^2 over indices [from, to), 0 when empty */
    private static double selectionMass(double[] prime, int from, int to) {
        double sum = 0.0;
        double squares = 0.0;
        for (int i = from; i < to; i++) {
            sum += prime[i];
            squares += prime[i] * prime[i];
        }
        return squares > 0 ? sum * sum / squares : 0.0;
    }

    /** @return positive weights scaled to sum 1, negative ones to sum -alphaMinus */
    private static double[] normalized(double[] prime, double alphaMinus) {
        double positive = 0.0;
        double negative = 0.0;
        for (double w : prime) {
            if (w >= 0) {
                positive += w;
            } else {
                negative -= w;
            }
        }
        double[] weights = new double[prime.length];
        for (int i = 0; i < prime.length; i++) {
            weights[i] = prime[i] >= 0 ? prime[i] / positive : alphaMinus * prime[i] / negative;
        }
        return weights;
    }
}
