package org.sparkhpo.strategy.bayes;

import java.util.List;
import java.util.SplittableRandom;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * ParEGO's scalarization (Knowles, "ParEGO: a hybrid algorithm with on-line landscape approximation for expensive
 * multiobjective optimization problems", IEEE TEC 2006), which lets a single-objective model (the Gaussian process
 * of {@code bayes}, the Parzen estimators of {@code tpe}) search a Pareto front. Each model round:
 * <ol>
 *   <li>every axis (the metric, minimized, then each cost) is normalized to [0, 1] over the completed trials:
 *       z_ij = (f_j(x_i) - min_j) / (max_j - min_j) (an axis with one value is 0);</li>
 *   <li>a weight vector lambda is drawn uniformly on the simplex (sum lambda_j = 1; normalized exponentials, as
 *       BoTorch's {@code sample_simplex} for qParEGO, Daulton et al. 2020, where Knowles drew from an evenly
 *       spaced set);</li>
 *   <li>each trial's value is the augmented Chebyshev function
 *       f_lambda(x_i) = max_j lambda_j z_ij + rho sum_j lambda_j z_ij, with rho = 0.05 (Knowles).</li>
 * </ol>
 * The model fits these values and proposes the round as for one objective; the next round draws new weights, so
 * successive rounds aim at different parts of the front. One weight vector per round (not per proposal): the
 * Gaussian process is fitted once per round, and the round's batch method keeps its proposals apart.
 *
 * <p>Written by hand: no library on the classpath offers it. Stateless; the weights come from the round's seeded
 * stream, so a resumed run replays the same rounds.
 */
public final class ParEgoScalarization implements ModelTarget {
    /** The weight of the sum term (Knowles 2006). */
    static final double RHO = 0.05;

    private final List<Criterion> axes;

    /** @param axes the metric then each cost, at least two */
    public ParEgoScalarization(List<Criterion> axes) {
        if (axes.size() < 2) {
            throw new IllegalArgumentException("ParEGO needs at least two axes, got " + axes);
        }
        this.axes = List.copyOf(axes);
    }

    @Override
    public boolean isUsable(TrialResult result) {
        if (result.state() == TrialState.FAILED) {
            return false;
        }
        for (Criterion axis : axes) {
            if (!Double.isFinite(axis.minimized(result))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] values(List<TrialResult> usable, SplittableRandom random) {
        double[] lambda = simplexWeights(axes.size(), random);
        double[][] objectives = new double[usable.size()][axes.size()];
        for (int i = 0; i < usable.size(); i++) {
            for (int j = 0; j < axes.size(); j++) {
                objectives[i][j] = axes.get(j).minimized(usable.get(i));
            }
        }
        return scalarize(objectives, lambda);
    }

    /** @return m weights uniform on the simplex: -ln(u_j), normalized to sum 1 */
    static double[] simplexWeights(int m, SplittableRandom random) {
        double[] weights = new double[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            weights[j] = -Math.log(1.0 - random.nextDouble());
            sum += weights[j];
        }
        for (int j = 0; j < m; j++) {
            weights[j] /= sum;
        }
        return weights;
    }

    /**
     * @param objectives n x m minimized values
     * @param lambda m weights
     * @return the augmented Chebyshev value of each row after normalizing every column to [0, 1]
     */
    static double[] scalarize(double[][] objectives, double[] lambda) {
        int n = objectives.length;
        int m = lambda.length;
        double[] min = new double[m];
        double[] max = new double[m];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : objectives) {
            for (int j = 0; j < m; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double largest = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double range = max[j] - min[j];
                double z = range > 0 ? (objectives[i][j] - min[j]) / range : 0.0;
                largest = Math.max(largest, lambda[j] * z);
                sum += lambda[j] * z;
            }
            values[i] = largest + RHO * sum;
        }
        return values;
    }
}
