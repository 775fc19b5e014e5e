package org.sparkhpo.strategy;

import java.util.List;
import java.util.Map;
import org.sparkhpo.trial.TrialResult;

/**
 * Decides which configurations to try, as a driver-side ask/tell state machine: it never evaluates
 * anything itself, so a whole round can go to the cluster at once.
 *
 * <p>Lifecycle: built on the driver once per run. The loop alternates {@link #ask} (up to n proposals for
 * the next round) and {@link #tell} (the results of that round, every proposal answered, FAILED ones
 * included) until {@link #isFinished()}. An empty ask with {@code isFinished() == false} is not allowed.
 */
public interface Strategy {
    /**
     * @param maxProposals the most configurations the next round can hold (>= 1)
     * @return between 1 and maxProposals proposals, or an empty list when finished
     */
    List<Proposal> ask(int maxProposals);

    /** @param results the results of the proposals of the last ask, in any order */
    void tell(List<TrialResult> results);

    /** @return true when the strategy has nothing more to propose; a query, it changes nothing */
    boolean isFinished();

    /**
     * Figures the strategy learned that belong in {@code best.json} (for example the theory strategy's
     * smoothness estimates); a query, it changes nothing.
     *
     * @return named numbers or strings, empty by default
     */
    default Map<String, Object> report() {
        return Map.of();
    }
}
