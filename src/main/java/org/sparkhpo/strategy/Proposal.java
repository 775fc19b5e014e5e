package org.sparkhpo.strategy;

import java.util.Objects;
import org.sparkhpo.space.Configuration;

/**
 * A configuration a strategy wants evaluated, with the phase that proposed it (recorded in the journal).
 *
 * @param configuration the values to try
 * @param phase the proposing phase, for example {@code grid}, {@code random} or {@code reflect}
 */
public record Proposal(Configuration configuration, String phase) {
    public Proposal {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(phase, "phase");
    }
}
