package org.sparkhpo.multiobjective;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * The rule {@code hpo.select} that picks the one trial of {@code best.json} (and the final model) among the
 * COMPLETE, feasible trials with a finite metric. {@link ModelSelector} implements them.
 *
 * <ul>
 *   <li>{@code best}: the best validation metric (in weighted mode the best scalarized value); ties go to the
 *       lower trial id.</li>
 *   <li>{@code cheapest-within}: among trials whose metric is within {@code hpo.select-tolerance} (metric
 *       units, absolute) of the best, the cheapest: lowest first cost, then the next cost, then best metric,
 *       then lower id.</li>
 *   <li>{@code knee}: the knee of the Pareto front of (metric, costs...): each axis is normalized to [0, 1]
 *       over the front (0 the best front value, 1 the worst) and the point with the smallest sum of
 *       normalized values is taken, i.e. the point farthest, on the ideal side, from the hyperplane
 *       sum_i x_i = 1. With two objectives the extremes of the front normalize to (0, 1) and (1, 0), so this
 *       is exactly the point at the largest distance from the line between the two extremes (Das, Structural
 *       Optimization 18, 1999; Branke et al., PPSN VIII, 2004). Ties go to the better metric, then lower id.</li>
 * </ul>
 */
public enum SelectionRule implements ConfigNamed {
    BEST, CHEAPEST_WITHIN, KNEE;

    /** @return true when the rule ranks by costs and so needs at least one cost */
    public boolean needsCosts() {
        return this != BEST;
    }

    /** @return the rule called {@code name}, if any */
    public static Optional<SelectionRule> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
