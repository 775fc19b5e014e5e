package org.sparkhpo.strategy.bandit;

import org.sparkhpo.train.Metric;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh and Talwalkar, JMLR 18(185), 2018): successive halving
 * run in brackets s = s_max .. 0 over the same eta, min and max epochs, from the most aggressive bracket
 * (n = eta^s_max configurations starting at min-epochs) to plain evaluation (s = 0: about s_max + 1
 * configurations trained straight to max-epochs), hedging against early rungs that rank configurations
 * badly. Each bracket spends about (s_max + 1) R resource units. Journal phases are
 * {@code bracket-<s>/rung-<i>}.
 */
public final class HyperbandStrategy extends BanditStrategy {
    /**
     * @param eta the reduction factor, >= 2
     * @param minEpochs the smallest budget, >= 1
     * @param maxEpochs R * minEpochs, the largest budget
     * @param sampler where configurations come from
     * @param metric the objective's direction
     */
    public HyperbandStrategy(int eta, int minEpochs, int maxEpochs, ConfigurationSampler sampler, Metric metric) {
        this(eta, minEpochs, maxEpochs, sampler, RungRanking.byMetric(metric));
    }

    /**
     * @param eta the reduction factor, >= 2
     * @param minEpochs the smallest budget, >= 1
     * @param maxEpochs R * minEpochs, the largest budget
     * @param sampler where configurations come from
     * @param ranking how a finished rung is ordered for promotion (by the metric, or Pareto)
     */
    public HyperbandStrategy(int eta, int minEpochs, int maxEpochs, ConfigurationSampler sampler,
                             RungRanking ranking) {
        super(BracketPlan.hyperband(eta, minEpochs, maxEpochs), sampler, ranking, maxEpochs);
    }

    @Override
    protected String phasePrefix(BracketPlan plan) {
        return "bracket-" + plan.bracket() + "/";
    }
}
