package org.sparkhpo.multiobjective;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * How the validation metric and the costs are combined ({@code hpo.cost.mode}).
 *
 * <ul>
 *   <li>{@code single}: the validation metric alone; costs are only recorded.</li>
 *   <li>{@code constrained}: the best metric subject to upper bounds on costs (cost <= bound). An infeasible
 *       trial is journaled with {@code feasible = 0} and told to its strategy with the death penalty
 *       (objective NaN, the worst value, as a FAILED trial; Coello, Comput. Methods Appl. Mech. Engrg. 191,
 *       2002, section 3.1), so every strategy handles it without change.</li>
 *   <li>{@code weighted}: the metric minus a weighted sum of costs, s = m - sum_i w_i c_i for a maximized
 *       metric (m + sum_i w_i c_i for a minimized one); w_i is how many metric units one unit of cost c_i is
 *       worth. The strategy is told s.</li>
 *   <li>{@code pareto}: the set of trials no other trial dominates on (metric, costs...); needs at least one
 *       cost. Strategies rank by non-dominated sorting and crowding distance (NSGA-II, Deb et al., IEEE TEVC
 *       6(2), 2002).</li>
 * </ul>
 */
public enum CombinationMode implements ConfigNamed {
    SINGLE, CONSTRAINED, WEIGHTED, PARETO;

    /** @return the mode called {@code name}, if any */
    public static Optional<CombinationMode> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
