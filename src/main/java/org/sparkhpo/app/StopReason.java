package org.sparkhpo.app;

import java.util.Locale;

/** Why the optimization loop stopped, as the progress line names it ({@code search stopped by trials}). */
public enum StopReason {
    /** The strategy had nothing more to propose. */
    STRATEGY,
    /** The trial budget ({@code hpo.search.trials}) was spent. */
    TRIALS,
    /** The wall-time budget ({@code hpo.search.max-seconds}) had passed at the end of a round. */
    MAX_SECONDS,
    /** A COMPLETE trial reached the target ({@code hpo.search.target}). */
    TARGET;

    /** @return the name in progress lines: strategy, trials, max-seconds, target */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
