package org.sparkhpo.strategy.dfo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the points of an initial design round are spread over the unit cube. */
public enum DesignKind {
    /** Independent uniform draws from the strategy's seeded stream. */
    RANDOM,
    /**
     * The Halton sequence (Halton, "On the efficiency of certain quasi-random sequences of points in evaluating
     * multi-dimensional integrals", Numerische Mathematik 2, 1960): coordinate i of point k is the radical
     * inverse of k in the i-th prime base, shifted modulo 1 by a seeded random offset per coordinate
     * (Cranley and Patterson, 1976) so different seeds give different designs of the same low discrepancy.
     */
    HALTON;

    /** @return the name used in configuration files */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the design called {@code name}, if any */
    public static Optional<DesignKind> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.configName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return Arrays.stream(values()).map(DesignKind::configName).toList().toString();
    }
}
