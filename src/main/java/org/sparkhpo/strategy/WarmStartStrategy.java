package org.sparkhpo.strategy;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;

/**
 * Warm start: proposes given configurations (the previous run's best) first, as phase {@value #PHASE}, then
 * whatever the wrapped strategy proposes. The first round holds the warm-start configurations and, when room
 * is left, the wrapped strategy's first proposals; the wrapped strategy is told only the results of its own
 * proposals, so its state machine never sees trials it did not ask for.
 *
 * <p>Lifecycle: as {@link Strategy}; driver-only, one per run. Deterministic given the list and the wrapped
 * strategy, so a resumed run asks for the same trials.
 */
public final class WarmStartStrategy implements Strategy {
    /** The phase recorded for warm-start trials. */
    public static final String PHASE = "warm-start";

    private final List<Configuration> warm;
    private final Strategy strategy;
    private int proposed;

    /**
     * @param warm the configurations to evaluate first, in order
     * @param strategy the strategy that proposes everything after them
     */
    public WarmStartStrategy(List<Configuration> warm, Strategy strategy) {
        this.warm = List.copyOf(warm);
        this.strategy = strategy;
    }

    @Override
    public List<Proposal> ask(int maxProposals) {
        List<Proposal> proposals = new ArrayList<>();
        while (proposals.size() < maxProposals && proposed < warm.size()) {
            proposals.add(new Proposal(warm.get(proposed), PHASE));
            proposed++;
        }
        if (proposals.size() < maxProposals && !strategy.isFinished()) {
            proposals.addAll(strategy.ask(maxProposals - proposals.size()));
        }
        return proposals;
    }

    @Override
    public void tell(List<TrialResult> results) {
        List<TrialResult> own = results.stream().filter(result -> !PHASE.equals(result.phase())).toList();
        if (!own.isEmpty()) {
            strategy.tell(own);
        }
    }

    @Override
    public boolean isFinished() {
        return proposed >= warm.size() && strategy.isFinished();
    }
}
