package org.sparkhpo.multiobjective;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run optimizes: the validation metric, the costs beside it, how they are combined, and how the one
 * model of {@code best.json} is selected. Validated at construction; the settings loader checks the same
 * rules first and names the key.
 *
 * @param metric the validation metric (for example {@code val_accuracy}, maximized)
 * @param mode how metric and costs combine
 * @param costs the cost axes, in order (Pareto axes after the metric; order of preference for
 *     cheapest-within); at least one in {@code pareto} mode
 * @param bounds upper bounds on costs; a trial that breaks one is infeasible; at least one in
 *     {@code constrained} mode
 * @param weights weight per cost, >= 0, for {@code weighted} mode (metric units per unit of cost)
 * @param select the selection rule of {@code best.json}
 * @param tolerance the tolerance of {@code cheapest-within}, in metric units, >= 0
 */
public record ObjectiveSpec(Criterion metric, CombinationMode mode, List<CostMetric> costs,
                            List<CostBound> bounds, Map<CostMetric, Double> weights, SelectionRule select,
                            double tolerance) implements Serializable {
    public ObjectiveSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(select, "select");
        costs = List.copyOf(costs);
        bounds = List.copyOf(bounds);
        weights = Collections.unmodifiableMap(weights.isEmpty() ? new EnumMap<>(CostMetric.class)
                : new EnumMap<>(weights));
        check(mode != CombinationMode.PARETO || !costs.isEmpty(),
                "pareto mode needs at least two objectives: the metric and one cost");
        check(mode != CombinationMode.CONSTRAINED || !bounds.isEmpty(), "constrained mode needs a bound");
        check(mode != CombinationMode.WEIGHTED || !weights.isEmpty(), "weighted mode needs a weight");
        weights.forEach((cost, w) -> check(w >= 0 && Double.isFinite(w),
                "weight of " + cost.key() + " (" + w + ") must be finite and >= 0"));
        check(!select.needsCosts() || !costs.isEmpty(), "select " + select.configName() + " needs a cost");
        check(tolerance >= 0 && Double.isFinite(tolerance), "tolerance " + tolerance + " must be >= 0");
    }

    /** @return the metric alone, with no cost: the behavior of a run that leaves {@code hpo.cost} at its defaults */
    public static ObjectiveSpec single(Criterion metric) {
        return new ObjectiveSpec(metric, CombinationMode.SINGLE, List.of(), List.of(), Map.of(),
                SelectionRule.BEST, 0.0);
    }

    /** @return true unless this is the metric alone with no cost, bound or weight (a run as before costs) */
    public boolean isCostAware() {
        return mode != CombinationMode.SINGLE || !costs.isEmpty() || !bounds.isEmpty();
    }

    /** @return the settings that change what strategies are told, as text (for the resume check) */
    public String toldText() {
        return mode.configName() + " bounds=" + bounds + " weights=" + weights;
    }

    /** @return the metric followed by every cost, the axes of the Pareto front */
    public List<Criterion> axes() {
        List<Criterion> axes = new ArrayList<>();
        axes.add(metric);
        costs.forEach(c -> axes.add(Criterion.of(c)));
        return List.copyOf(axes);
    }

    private static void check(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException(message);
        }
    }
}
