package org.sparkhpo.strategy.bandit;

import java.util.function.Supplier;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.BudgetedListStrategy;
import org.sparkhpo.strategy.Proposal;

/**
 * Where the bandit strategies get new configurations: an endless sequence drawn from a list strategy
 * (grid or random search). When the list ends (a grid is exhausted) it starts again from the first point,
 * so Hyperband, whose brackets together want more configurations than a small grid holds, revisits grid
 * points in later brackets (with other seeds) rather than stopping.
 *
 * <p>Lifecycle: driver-only, owned by one strategy; configuration i is the list's point i mod its size,
 * so the sequence is reproducible from the job seed.
 */
public final class ConfigurationSampler {
    private final Supplier<BudgetedListStrategy> source;
    private BudgetedListStrategy current;

    /** @param source makes a fresh list strategy (grid or random) whenever the previous one is exhausted */
    public ConfigurationSampler(Supplier<BudgetedListStrategy> source) {
        this.source = source;
        this.current = source.get();
    }

    /** @return the next configuration of the sequence */
    public Configuration next() {
        if (current.isFinished()) {
            current = source.get();
        }
        var proposals = current.ask(1);
        if (proposals.isEmpty()) {
            throw new IllegalStateException("configuration sampler: the list strategy proposes nothing");
        }
        Proposal proposal = proposals.get(0);
        return proposal.configuration();
    }
}
