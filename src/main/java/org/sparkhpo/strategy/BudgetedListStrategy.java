package org.sparkhpo.strategy;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;

/**
 * A strategy that proposes a fixed number of configurations produced one by one, in order, and learns
 * nothing from results: the shape of grid, random, manual and folklore search.
 */
public abstract class BudgetedListStrategy implements Strategy {
    private final int total;
    private final String phase;
    private int proposed;

    /**
     * @param total how many configurations to propose in all
     * @param phase the phase name written to the journal
     */
    protected BudgetedListStrategy(int total, String phase) {
        this.total = total;
        this.phase = phase;
    }

    /**
     * @param index the configuration's position, 0 .. total-1
     * @return the configuration at that position
     */
    protected abstract Configuration configurationAt(int index);

    @Override
    public List<Proposal> ask(int maxProposals) {
        List<Proposal> proposals = new ArrayList<>();
        while (proposals.size() < maxProposals && proposed < total) {
            proposals.add(new Proposal(configurationAt(proposed), phase));
            proposed++;
        }
        return proposals;
    }

    @Override
    public void tell(List<TrialResult> results) {
        // Nothing to learn: the list is fixed in advance.
    }

    @Override
    public boolean isFinished() {
        return proposed >= total;
    }

    /** @return how many configurations this strategy proposes in all */
    public int total() {
        return total;
    }
}
