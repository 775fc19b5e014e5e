package org.sparkhpo.multiobjective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sparkhpo.trial.TrialResult;

/**
 * Orders trials for promotion under a Pareto objective, as NSGA-II's selection does (Deb, Pratap, Agarwal
 * and Meyarivan, IEEE Trans. Evol. Comput. 6(2), 2002): first by non-dominated front (front 1 is the Pareto
 * front, front 2 the front once front 1 is removed, ...), within a front by crowding distance, larger first
 * (the extremes of each axis get infinity, so a front's ends are kept), then by lower trial id. Trials
 * that are not eligible ({@link ParetoFront#eligible}) come last, by id. Written by hand (no library in
 * the build provides it); fronts are peeled in O(m n^2) for n trials and m axes per front, ample for the
 * rungs of a bandit.
 */
public final class NonDominatedSorting {
    private NonDominatedSorting() {
    }

    /**
     * @param results trials of any state
     * @param axes the criteria
     * @return every trial, best first
     */
    public static List<TrialResult> ranked(List<TrialResult> results, List<Criterion> axes) {
        List<TrialResult> remaining = new ArrayList<>(ParetoFront.eligible(results, axes));
        List<TrialResult> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<TrialResult> front = ParetoFront.of(remaining, axes);
            out.addAll(byCrowding(front, axes));
            remaining.removeAll(front);
        }
        results.stream().filter(r -> !out.contains(r))
                .sorted(Comparator.comparingInt(TrialResult::id)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Crowding distance: for each axis, sort the front by it; the two ends get infinity, an inner point
     * adds (next - previous) / (max - min) of its neighbours on that axis (0 when max = min).
     *
     * @return the crowding distance of each point of {@code points}
     */
    public static double[] crowding(double[][] points) {
        int n = points.length;
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        for (int axis = 0; axis < points[0].length; axis++) {
            final int a = axis;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> points[i][a]));
            double range = points[order[n - 1]][a] - points[order[0]][a];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < n - 1 && range > 0; k++) {
                distance[order[k]] += (points[order[k + 1]][a] - points[order[k - 1]][a]) / range;
            }
        }
        return distance;
    }

    private static List<TrialResult> byCrowding(List<TrialResult> front, List<Criterion> axes) {
        double[] distance = crowding(ParetoFront.points(front, axes));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -distance[i])
                .thenComparingInt(i -> front.get(i).id()));
        return order.stream().map(front::get).toList();
    }
}
