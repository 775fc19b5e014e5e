package org.sparkhpo.strategy;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.train.MedianStopper;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Adds the median stopping rule ({@link MedianStopper}) to a round-based strategy that hands out whole
 * budgets (grid, random, derivative-free): every proposal carries the medians m_s computed from the
 * learning curves of the trials that completed in <em>earlier rounds</em>, and each task stops its trial
 * (PRUNED) when the trial falls below them. Trials of the same round cannot see each other, so the first
 * round runs unstopped and only builds the curves.
 *
 * <p>Lifecycle: driver-only, wraps the run's strategy; it changes no decision of the wrapped strategy.
 */
public final class MedianStoppingStrategy implements Strategy {
    private final Strategy base;
    private final int graceEpochs;
    private final int minTrials;
    private final List<double[]> curves = new ArrayList<>();

    /**
     * @param base the strategy that decides what to try
     * @param graceEpochs epochs at the start of a trial that the rule never stops, >= 0
     * @param minTrials completed trials that must reach epoch s before the rule applies at s, >= 1
     */
    public MedianStoppingStrategy(Strategy base, int graceEpochs, int minTrials) {
        MedianStopper.medians(List.of(), graceEpochs, minTrials);
        this.base = base;
        this.graceEpochs = graceEpochs;
        this.minTrials = minTrials;
    }

    @Override
    public List<Proposal> ask(int maxProposals) {
        double[] medians = MedianStopper.medians(curves, graceEpochs, minTrials);
        return base.ask(maxProposals).stream()
                .map(p -> new Proposal(p.configuration(), p.phase(), p.plan().withMedians(medians)))
                .toList();
    }

    @Override
    public void tell(List<TrialResult> results) {
        for (TrialResult result : results) {
            if (result.state() == TrialState.COMPLETE && !result.curve().isEmpty()) {
                curves.add(result.curve().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        base.tell(results);
    }

    @Override
    public boolean isFinished() {
        return base.isFinished();
    }
}
