package org.sparkhpo.strategy.dfo;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/** How the points of an initial design round are spread over the unit cube. */
public enum DesignKind implements ConfigNamed {
    /** Independent uniform draws from the strategy's seeded stream. */
    RANDOM,
    /**
     * The Halton sequence (Halton, "On the efficiency of certain quasi-random sequences of points in evaluating
     * multi-dimensional integrals", Numerische Mathematik 2, 1960): coordinate i of point k is the radical
     * inverse of k in the i-th prime base, shifted modulo 1 by a seeded random offset per coordinate
     * (Cranley and Patterson, 1976) so different seeds give different designs of the same low discrepancy.
     */
    HALTON;

    /** @return the design called {@code name}, if any */
    public static Optional<DesignKind> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
