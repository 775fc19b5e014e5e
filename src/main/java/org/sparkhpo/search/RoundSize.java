package org.sparkhpo.search;

/**
 * How many trials a strategy's rounds hold when {@code hpo.search.parallelism} is 0 (automatic). A strategy
 * that learns nothing between rounds takes its whole budget in one round, so Spark packs the trials onto its
 * slots as they free up; a bandit takes a whole rung (it learns only once a rung is complete); one that learns
 * from each round takes as many trials as the cluster has task slots.
 */
public enum RoundSize {
    /** The whole trial budget in one round (the baselines, which learn nothing between rounds). */
    WHOLE_BUDGET,
    /** The whole budget, unless the median stopping rule is on and needs earlier rounds (grid, random). */
    WHOLE_BUDGET_UNLESS_MEDIAN_RULE,
    /**
     * A whole rung (successive halving, Hyperband): a rung is decided only once every trial of it is in, so a
     * round smaller than the rung changes nothing but how many rounds the rung takes, while one round lets its
     * trials train in packs of ceil(rung / slots) (one GEMM per mini-batch for a pack) instead of one trial per
     * task. The cap is the trial budget: a bracket never proposes more than its rung's pending trials.
     */
    WHOLE_RUNG,
    /** The cluster's task slots (strategies that learn from each round). */
    TASK_SLOTS;

    /**
     * @param inputs the run's settings
     * @param taskSlots the cluster's task slots
     * @return the trials per round: the configured parallelism when set, else as this rule says
     */
    public int trialsPerRound(StrategyInputs inputs, int taskSlots) {
        if (inputs.search().parallelism() > 0) {
            return inputs.search().parallelism();
        }
        return switch (this) {
            case WHOLE_BUDGET, WHOLE_RUNG -> inputs.search().trials();
            case WHOLE_BUDGET_UNLESS_MEDIAN_RULE -> inputs.median().enabled() ? taskSlots : inputs.search().trials();
            case TASK_SLOTS -> taskSlots;
        };
    }
}
