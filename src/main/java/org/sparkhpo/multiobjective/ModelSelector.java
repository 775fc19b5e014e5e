package org.sparkhpo.multiobjective;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Picks the trial of {@code best.json} by the {@link SelectionRule} of an {@link ObjectiveSpec} among the
 * candidates: COMPLETE, feasible trials with a finite metric. In weighted mode {@code best} and
 * {@code cheapest-within} rank by the scalarized value s (see {@link CombinationMode}), which is what the
 * search optimized. A query: it changes nothing.
 */
public final class ModelSelector {
    private final ObjectiveSpec spec;
    private final Feasibility feasibility;
    private final CostAwareResults costs;

    /** @param spec the objective and its selection rule */
    public ModelSelector(ObjectiveSpec spec) {
        this.spec = spec;
        this.feasibility = new Feasibility(spec.bounds());
        this.costs = new CostAwareResults(spec);
    }

    /**
     * @return the value {@code best} and {@code cheapest-within} rank by, minimized: the metric, or in weighted
     *     mode the scalarized value the strategy optimized
     */
    private double score(TrialResult result) {
        double value = spec.mode() == CombinationMode.WEIGHTED ? costs.scalarized(result) : spec.metric().value(result);
        return spec.metric().higherIsBetter() ? -value : value;
    }

    /**
     * @param results trials of any state
     * @return the selected trial, empty when no trial is a candidate
     */
    public Optional<TrialResult> select(List<TrialResult> results) {
        List<TrialResult> candidates = candidates(results);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (spec.select()) {
            case BEST -> candidates.stream().min(byMetric()).orElseThrow();
            case CHEAPEST_WITHIN -> cheapestWithin(candidates);
            case KNEE -> knee(candidates);
        });
    }

    /** @return the COMPLETE, feasible trials with a finite metric, in the order given */
    public List<TrialResult> candidates(List<TrialResult> results) {
        return results.stream()
                .filter(r -> r.state() == TrialState.COMPLETE && feasibility.isFeasible(r))
                .filter(r -> Double.isFinite(spec.metric().value(r)) && Double.isFinite(score(r)))
                .toList();
    }

    private Comparator<TrialResult> byMetric() {
        return Comparator.<TrialResult>comparingDouble(this::score).thenComparingInt(TrialResult::id);
    }

    private TrialResult cheapestWithin(List<TrialResult> candidates) {
        double best = candidates.stream().mapToDouble(this::score).min().orElseThrow();
        Comparator<TrialResult> cheapest = null;
        for (CostMetric cost : spec.costs()) {
            Comparator<TrialResult> next = Comparator.comparingDouble(r -> nanLast(cost.of(r)));
            cheapest = cheapest == null ? next : cheapest.thenComparing(next);
        }
        return candidates.stream()
                .filter(r -> score(r) <= best + spec.tolerance())
                .min(cheapest.thenComparing(byMetric())).orElseThrow();
    }

    private TrialResult knee(List<TrialResult> candidates) {
        List<Criterion> axes = spec.axes();
        List<TrialResult> front = ParetoFront.of(candidates, axes);
        if (front.isEmpty()) {
            return candidates.stream().min(byMetric()).orElseThrow();
        }
        double[][] points = ParetoFront.points(front, axes);
        double[] low = new double[axes.size()];
        double[] high = new double[axes.size()];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] p : points) {
            for (int a = 0; a < p.length; a++) {
                low[a] = Math.min(low[a], p[a]);
                high[a] = Math.max(high[a], p[a]);
            }
        }
        int best = 0;
        double bestSum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double sum = 0;
            for (int a = 0; a < low.length; a++) {
                sum += high[a] > low[a] ? (points[i][a] - low[a]) / (high[a] - low[a]) : 0.0;
            }
            if (sum < bestSum || (sum == bestSum && byMetric().compare(front.get(i), front.get(best)) < 0)) {
                best = i;
                bestSum = sum;
            }
        }
        return front.get(best);
    }

    private static double nanLast(double value) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }
}
