package org.sparkhpo.strategy.bayes;

import java.util.List;
import java.util.SplittableRandom;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.trial.TrialResult;

/**
 * What a model-based strategy's model regresses on: one minimized value per completed trial. Either the metric
 * alone ({@link #of(MinimizedObjective)}) or, under a Pareto objective, ParEGO's scalarization of the metric and
 * the costs with weights drawn afresh each round ({@link ParEgoScalarization}).
 */
public interface ModelTarget {
    /**
     * @param result a trial's result
     * @return true when the result enters the regression (every value it needs is finite); false for FAILED and
     *     infeasible trials, whose configurations are avoided instead
     */
    boolean isUsable(TrialResult result);

    /**
     * The minimized values of a round's regression.
     *
     * @param usable results for which {@link #isUsable} holds, in trial-id order
     * @param random the round's seeded stream (a scalarization draws its weights from it first)
     * @return one finite value per result, index for index
     */
    double[] values(List<TrialResult> usable, SplittableRandom random);

    /** @return the target of one minimized metric (consumes nothing of the round's stream) */
    static ModelTarget of(MinimizedObjective objective) {
        return new ModelTarget() {
            @Override
            public boolean isUsable(TrialResult result) {
                return Double.isFinite(objective.of(result));
            }

            @Override
            public double[] values(List<TrialResult> usable, SplittableRandom random) {
                return usable.stream().mapToDouble(objective::of).toArray();
            }
        };
    }
}
