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
 *
 * <p>Contract: determinism. Given the same construction arguments (settings, space, job seed; any randomness
 * from a generator seeded by the job seed, never {@code Math.random()} or a shared {@code Random}) and the
 * same sequence of {@code ask(n)} calls and told results, a strategy proposes the same configurations in the
 * same order. {@code --resume} relies on this: it rebuilds the strategy and replays the journaled results
 * through the same ask/tell sequence, so the strategy reaches the state it had before the crash without
 * training anything again. A strategy must therefore depend on the results told and their order only,
 * not on wall time or on the order in which Spark finished the trials within a round.
 *
 * <p>Contract: settling. By default the loop records (journals) each result as it arrives. A strategy whose
 * later decisions fix how earlier trials ended (successive halving decides per rung which trials were
 * promoted, COMPLETE, and which were PRUNED) answers {@link #settlesResults()} with true; the loop then
 * records only what {@link #settled()} releases after each tell, each result once with its final state, and
 * whatever {@link #unsettled()} still holds when the budget ends the run. A crash in the middle of a rung
 * therefore leaves that rung's trials unjournaled, and the resumed run evaluates them again.
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

    /**
     * @return true when results are recorded only once {@link #settled()} releases them; false (the default)
     *     when each is recorded as it arrives
     */
    default boolean settlesResults() {
        return false;
    }

    /**
     * @return results told so far whose final state is now known and that were not returned before; empty
     *     for a strategy that does not settle results
     */
    default List<TrialResult> settled() {
        return List.of();
    }

    /**
     * @return every result told and not yet settled, as told (for a run that ends early), each once; empty for
     *     a strategy that does not settle results
     */
    default List<TrialResult> unsettled() {
        return List.of();
    }
}
