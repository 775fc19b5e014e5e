package org.sparkhpo.strategy;

import java.util.List;
import org.sparkhpo.trial.TrialResult;

/**
 * A strategy whose later decisions fix how earlier trials ended: successive halving learns only when a
 * whole rung is done which of its trials are promoted (they stay COMPLETE) and which end PRUNED. The loop
 * therefore records such a strategy's results, each exactly once, only when {@link #settled()} releases
 * them with their final state, instead of as they arrive (see the settling contract in {@link Strategy}).
 *
 * <p>Lifecycle: as {@link Strategy}; after each {@link #tell} the loop drains {@link #settled()}; when the
 * run ends before the strategy is finished (the trial budget ran out) it drains {@link #unsettled()}.
 */
public interface SettlingStrategy extends Strategy {
    /** @return true: this strategy's results are recorded when they settle */
    @Override
    default boolean settlesResults() {
        return true;
    }

    /** @return results told so far whose final state is now known and that were not returned before */
    @Override
    List<TrialResult> settled();

    /** @return every result told and not yet settled, as told (for a run that ends early); each once */
    @Override
    List<TrialResult> unsettled();
}
