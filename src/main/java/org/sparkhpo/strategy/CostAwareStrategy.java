package org.sparkhpo.strategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sparkhpo.multiobjective.CostAwareResults;
import org.sparkhpo.trial.TrialResult;

/**
 * Makes any strategy optimize a cost-aware objective: it tells the wrapped strategy each result as
 * {@link CostAwareResults#told} rewrites it (an infeasible trial as the worst value, a weighted trial as its
 * scalarized value), so grid, random, the bandits, the derivative-free methods and the baselines all work
 * under constraints and weights without change. Results the wrapped strategy settles (successive halving,
 * Hyperband) are handed back as they were before rewriting, with the state the strategy decided, so the
 * journal records the real metric.
 *
 * <p>Lifecycle: as the wrapped strategy; driver-only. {@link #wrap} returns a {@link SettlingStrategy} exactly
 * when the wrapped strategy is one, so the loop records results at the same moments as without the wrapper.
 */
public class CostAwareStrategy implements Strategy {
    private final Strategy inner;
    private final CostAwareResults costs;
    private final Map<Integer, TrialResult> originals = new HashMap<>();

    private CostAwareStrategy(Strategy inner, CostAwareResults costs) {
        this.inner = inner;
        this.costs = costs;
    }

    /**
     * @param inner the strategy to wrap
     * @param costs the objective's rewriting of results
     * @return a strategy that tells {@code inner} the rewritten results; settling when {@code inner} settles
     */
    public static Strategy wrap(Strategy inner, CostAwareResults costs) {
        return inner instanceof SettlingStrategy settling ? new Settling(settling, costs)
                : new CostAwareStrategy(inner, costs);
    }

    @Override
    public List<Proposal> ask(int maxProposals) {
        return inner.ask(maxProposals);
    }

    @Override
    public void tell(List<TrialResult> results) {
        if (this instanceof SettlingStrategy) {
            results.forEach(r -> originals.put(r.id(), r));
        }
        inner.tell(results.stream().map(costs::told).toList());
    }

    @Override
    public boolean isFinished() {
        return inner.isFinished();
    }

    @Override
    public Map<String, Object> report() {
        return inner.report();
    }

    /** @return the results as told to this wrapper, with the state the wrapped strategy gave them */
    List<TrialResult> restore(List<TrialResult> settled) {
        return settled.stream().map(s -> {
            TrialResult original = originals.remove(s.id());
            return original.state() == s.state() ? original : original.withState(s.state());
        }).toList();
    }

    /** The wrapper of a settling strategy: settles what the wrapped strategy settles, restored. */
    private static final class Settling extends CostAwareStrategy implements SettlingStrategy {
        private final SettlingStrategy settling;

        Settling(SettlingStrategy inner, CostAwareResults costs) {
            super(inner, costs);
            this.settling = inner;
        }

        @Override
        public List<TrialResult> settled() {
            return restore(settling.settled());
        }

        @Override
        public List<TrialResult> unsettled() {
            return restore(settling.unsettled());
        }
    }
}
