package org.sparkhpo.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a derivative-free strategy starts without a design round ({@code hpo.search.dfo.start}). */
public enum DfoStart {
    /** The centre of the unit cube: every range at its middle on its scale. */
    CENTER,
    /** The {@code hpo.training} values of the searched tunables, clipped into their ranges. */
    TRAINING,
    /** The theory strategy's heavy-ball learning rate and momentum; other tunables at the centre. */
    THEORY;

    /** @return the name used in configuration files */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the start called {@code name}, if any */
    public static Optional<DfoStart> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.configName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return Arrays.stream(values()).map(DfoStart::configName).toList().toString();
    }
}
