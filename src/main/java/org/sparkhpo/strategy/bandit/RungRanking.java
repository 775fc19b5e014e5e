package org.sparkhpo.strategy.bandit;

import java.util.Comparator;
import java.util.List;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.multiobjective.NonDominatedSorting;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialState;

/**
 * How a finished rung orders its trials before the best are promoted: by the validation metric (ties to the
 * lower trial id), or, under a Pareto objective, by non-dominated front and crowding distance as NSGA-II
 * selects ({@link NonDominatedSorting}), so a rung keeps cheap and accurate trade-offs alike. Either way a
 * trial that failed or has no metric comes last and is never promoted.
 */
public final class RungRanking {
    private final Metric metric;
    private final List<Criterion> paretoAxes;

    private RungRanking(Metric metric, List<Criterion> paretoAxes) {
        this.metric = metric;
        this.paretoAxes = paretoAxes;
    }

    /** @return the ranking by the metric alone */
    public static RungRanking byMetric(Metric metric) {
        return new RungRanking(metric, List.of());
    }

    /**
     * @param metric the validation metric (its value decides which trials can be promoted at all)
     * @param axes the metric and the costs, the axes of the Pareto front
     * @return the ranking by non-dominated sorting and crowding distance
     */
    public static RungRanking pareto(Metric metric, List<Criterion> axes) {
        if (axes.size() < 2) {
            throw new IllegalArgumentException("a Pareto ranking needs at least two axes, got " + axes);
        }
        return new RungRanking(metric, List.copyOf(axes));
    }

    /** @return true when the result can be promoted: it did not fail and has a metric */
    boolean isRankable(TrialResult result) {
        return result.state() != TrialState.FAILED && !Double.isNaN(result.metric(MetricKeys.objective(metric)));
    }

    /** @return the rung's results, best first, unrankable ones last */
    List<TrialResult> order(List<TrialResult> rung) {
        if (!paretoAxes.isEmpty()) {
            List<TrialResult> ranked = NonDominatedSorting.ranked(rung, paretoAxes);
            return ranked.stream().sorted(Comparator.comparing(r -> !isRankable(r))).toList();
        }
        String key = MetricKeys.objective(metric);
        return rung.stream().sorted((a, b) -> {
            boolean rankA = isRankable(a);
            boolean rankB = isRankable(b);
            if (rankA != rankB) {
                return rankA ? -1 : 1;
            }
            if (rankA && metric.isBetter(a.metric(key), b.metric(key))) {
                return -1;
            } else if (rankA && metric.isBetter(b.metric(key), a.metric(key))) {
                return 1;
            }
            return Integer.compare(a.id(), b.id());
        }).toList();
    }
}
