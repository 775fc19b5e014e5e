package org.sparkhpo.search;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/** Where a derivative-free strategy starts without a design round ({@code hpo.search.dfo.start}). */
public enum DfoStart implements ConfigNamed {
    /** The centre of the unit cube: every range at its middle on its scale. */
    CENTER,
    /** The {@code hpo.training} values of the searched tunables, clipped into their ranges. */
    TRAINING,
    /** The theory strategy's heavy-ball learning rate and momentum; other tunables at the centre. */
    THEORY;

    /** @return the start called {@code name}, if any */
    public static Optional<DfoStart> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
