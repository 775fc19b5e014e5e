package org.sparkhpo.multiobjective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Pareto dominance on minimized axes and extraction of the non-dominated trials. Written by hand: neither
 * Spark, MLlib nor Commons Math 3 exposes a dominance relation or a non-dominated filter.
 *
 * <p>a dominates b when a_i <= b_i on every axis and a_i < b_i on at least one. Equal points do not
 * dominate each other, so duplicates are all on the front; a tie on one axis is decided by the others.
 * Only COMPLETE trials with a finite value on every axis take part: a FAILED or PRUNED trial, or one with a
 * NaN or infinite metric or cost, is never on the front and never removes a trial from it.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** @return true when {@code a} dominates {@code b} (both minimized, finite) */
    public static boolean dominates(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("points of " + a.length + " and " + b.length + " axes");
        }
        boolean strictlyBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            strictlyBetter |= a[i] < b[i];
        }
        return strictlyBetter;
    }

    /**
     * @param results trials of any state
     * @param axes the criteria
     * @return the eligible trials no eligible trial dominates, in the order given
     */
    public static List<TrialResult> of(List<TrialResult> results, List<Criterion> axes) {
        List<TrialResult> eligible = eligible(results, axes);
        double[][] points = points(eligible, axes);
        List<TrialResult> front = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (!isDominated(points, i)) {
                front.add(eligible.get(i));
            }
        }
        return List.copyOf(front);
    }

    /** @return the COMPLETE trials with a finite value on every axis, in the order given */
    public static List<TrialResult> eligible(List<TrialResult> results, List<Criterion> axes) {
        return results.stream()
                .filter(r -> r.state() == TrialState.COMPLETE)
                .filter(r -> Arrays.stream(point(r, axes)).allMatch(Double::isFinite))
                .toList();
    }

    /** @return the trial's minimized values on the axes */
    public static double[] point(TrialResult result, List<Criterion> axes) {
        return axes.stream().mapToDouble(a -> a.minimized(result)).toArray();
    }

    static double[][] points(List<TrialResult> results, List<Criterion> axes) {
        return results.stream().map(r -> point(r, axes)).toArray(double[][]::new);
    }

    private static boolean isDominated(double[][] points, int i) {
        for (double[] other : points) {
            if (dominates(other, points[i])) {
                return true;
            }
        }
        return false;
    }
}
