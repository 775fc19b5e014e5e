package org.sparkhpo.strategy.bandit;

import java.util.List;
import org.sparkhpo.train.Metric;

/**
 * Successive halving (Jamieson and Talwalkar, AISTATS 2016; the bracket s = s_max of {@link BracketPlan}):
 * n configurations train to min-epochs, the best 1/eta of them continue to min * eta epochs from their
 * checkpoints, and so on until max-epochs. Symbols: eta = {@code reduction-factor}, n =
 * {@code configurations}. Journal phases are {@code rung-<i>}.
 */
public final class SuccessiveHalvingStrategy extends BanditStrategy {
    /**
     * @param configurations n, >= 1
     * @param eta the reduction factor, >= 2
     * @param minEpochs r_0 when max/min is a power of eta, >= 1
     * @param maxEpochs the last rung's budget, >= minEpochs
     * @param sampler where configurations come from
     * @param metric the objective's direction
     */
    public SuccessiveHalvingStrategy(int configurations, int eta, int minEpochs, int maxEpochs,
                                     ConfigurationSampler sampler, Metric metric) {
        this(configurations, eta, minEpochs, maxEpochs, sampler, RungRanking.byMetric(metric));
    }

    /**
     * @param configurations n, >= 1
     * @param eta the reduction factor, >= 2
     * @param minEpochs r_0 when max/min is a power of eta, >= 1
     * @param maxEpochs the last rung's budget, >= minEpochs
     * @param sampler where configurations come from
     * @param ranking how a finished rung is ordered for promotion (by the metric, or Pareto)
     */
    public SuccessiveHalvingStrategy(int configurations, int eta, int minEpochs, int maxEpochs,
                                     ConfigurationSampler sampler, RungRanking ranking) {
        super(List.of(BracketPlan.successiveHalving(configurations, eta, minEpochs, maxEpochs)), sampler, ranking,
                maxEpochs);
    }

    @Override
    protected String phasePrefix(BracketPlan plan) {
        return "";
    }
}
