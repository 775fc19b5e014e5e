package org.sparkhpo.strategy.dfo;

import java.util.Objects;

/**
 * A point of the unit cube a derivative-free method wants evaluated, with the phase that proposed it.
 *
 * @param point the coordinates, each in [0, 1] (the array is owned by the candidate; do not change it)
 * @param phase the proposing phase, as the journal records it (for example {@code reflect})
 */
public record Candidate(double[] point, String phase) {
    public Candidate {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(phase, "phase");
    }
}
