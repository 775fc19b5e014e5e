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
 * <p>Settling: the wrapper settles exactly when the wrapped strategy does ({@link #settlesResults()}). Then the
 * warm-start results, which the wrapped strategy never sees, are released by the next {@link #settled()} as they
 * are told (their state is final at once), together with whatever the wrapped strategy settled; without this
 * forwarding a warm-started successive halving run would journal its rung trials as they arrive and never
 * journal the PRUNED verdicts.
 *
 * <p>Lifecycle: as {@link Strategy}; driver-only, one per run. Deterministic given the list and the wrapped
 * strategy, so a resumed run asks for the same trials.
 */
public final class WarmStartStrategy implements Strategy {
    /** The phase recorded for warm-start trials. */
    public static final String PHASE = "warm-start";

    private final List<Configuration> warm;
    private final Strategy strategy;
    private final List<TrialResult> warmToSettle = new ArrayList<>();
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
        if (strategy.settlesResults()) {
            results.stream().filter(result -> PHASE.equals(result.phase())).forEach(warmToSettle::add);
        }
        if (!own.isEmpty()) {
            strategy.tell(own);
        }
    }

    @Override
    public boolean isFinished() {
        return proposed >= warm.size() && strategy.isFinished();
    }

    @Override
    public boolean settlesResults() {
        return strategy.settlesResults();
    }

    @Override
    public List<TrialResult> settled() {
        List<TrialResult> released = new ArrayList<>(warmToSettle);
        warmToSettle.clear();
        released.addAll(strategy.settled());
        return released;
    }

    @Override
    public List<TrialResult> unsettled() {
        List<TrialResult> open = new ArrayList<>(warmToSettle);
        warmToSettle.clear();
        open.addAll(strategy.unsettled());
        return open;
    }
}
