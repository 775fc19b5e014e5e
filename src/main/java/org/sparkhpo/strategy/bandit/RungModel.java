package org.sparkhpo.strategy.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.bayes.ModelBasedStrategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * BOHB's model over budgets (Falkner, Klein and Hutter, ICML 2018, section 3.1): the results are kept per epoch
 * budget, and proposals come from a model-based strategy ({@code tpe} or {@code bayes}) fitted on the results of
 * the highest budget that has at least {@code minPoints} completed ones (the paper's N_min = d + 1): a model on
 * the largest budget with enough data is the best available guess at the full-budget objective.
 *
 * <p>Lifecycle: driver-only, owned by one {@link ConfigurationSampler}.
 */
public final class RungModel {
    private final ModelBasedStrategy model;
    private final int minPoints;
    private final Map<Integer, List<TrialResult>> byBudget = new TreeMap<>();

    /**
     * @param model the strategy whose {@link ModelBasedStrategy#proposeFrom} proposes
     * @param minPoints completed results a budget needs before the model is fitted on it, >= 2
     */
    public RungModel(ModelBasedStrategy model, int minPoints) {
        if (minPoints < 2) {
            throw new IllegalArgumentException("rung model: min points " + minPoints + " must be >= 2");
        }
        this.model = model;
        this.minPoints = minPoints;
    }

    /**
     * @param results results of trials trained to {@code budget} epochs
     * @param budget the epoch budget
     */
    public void observe(List<TrialResult> results, int budget) {
        byBudget.computeIfAbsent(budget, b -> new ArrayList<>()).addAll(results);
    }

    /** @return the budget the model would be fitted on, or -1 when no budget has enough completed results */
    public int fittedBudget() {
        int chosen = -1;
        for (Map.Entry<Integer, List<TrialResult>> entry : byBudget.entrySet()) {
            long completed = entry.getValue().stream().filter(r -> r.state() != TrialState.FAILED).count();
            if (completed >= minPoints) {
                chosen = entry.getKey();
            }
        }
        return chosen;
    }

    /**
     * @param count how many configurations
     * @param random the seeded stream
     * @return up to count proposals from the model on {@link #fittedBudget()}; empty while it is -1
     */
    public List<Configuration> propose(int count, SplittableRandom random) {
        int budget = fittedBudget();
        if (budget < 0 || count == 0) {
            return List.of();
        }
        return model.proposeFrom(byBudget.get(budget), count, random);
    }
}
