package org.sparkhpo.strategy.baseline;

import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.BudgetedListStrategy;

/**
 * The person's own ideas: an explicit list of configurations ({@link ManualConfigurations} reads it), tried in
 * order, cut at the trial budget, so they can be compared with every other strategy in the same journal.
 * Phase {@code manual}.
 */
public final class ManualStrategy extends BudgetedListStrategy {
    private final List<Configuration> configurations;

    /**
     * @param configurations the configurations, at least one
     * @param budget the most trials to run
     */
    public ManualStrategy(List<Configuration> configurations, int budget) {
        super(Math.min(configurations.size(), budget), "manual");
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("manual strategy: no configurations given");
        }
        this.configurations = List.copyOf(configurations);
    }

    @Override
    protected Configuration configurationAt(int index) {
        return configurations.get(index);
    }
}
