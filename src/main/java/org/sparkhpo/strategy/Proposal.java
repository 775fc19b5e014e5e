package org.sparkhpo.strategy;

import java.util.Objects;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialPlan;

/**
 * A configuration a strategy wants evaluated, with the phase that proposed it (recorded in the journal).
 *
 * @param configuration the values to try
 * @param phase the proposing phase, for example {@code grid}, {@code random} or {@code reflect}
 * @param plan the trial's epoch budget, checkpoint to resume and median rule ({@link TrialPlan#FULL} for
 *     a plain trial)
 */
public record Proposal(Configuration configuration, String phase, TrialPlan plan) {
    /** A plain proposal ({@link TrialPlan#FULL}). */
    public Proposal(Configuration configuration, String phase) {
        this(configuration, phase, TrialPlan.FULL);
    }

    public Proposal {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(plan, "plan");
    }
}
