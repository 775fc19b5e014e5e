package org.sparkhpo.strategy.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator of a range coordinate u in [0, 1], with one bandwidth per observation, as
 * in the original TPE (Bergstra, Bardenet, Bengio and Kégl, "Algorithms for hyper-parameter optimization",
 * NeurIPS 2011, section 4; Hyperopt's {@code adaptive_parzen_normal}) and Optuna's univariate
 * {@code TPESampler} (its default, {@code consider_endpoints=False}, {@code consider_magic_clip=True}).
 *
 * <p>The centres m_1..m_n are the observations plus the prior's centre 0.5 (n = observations + 1). Sorted,
 * with the domain's ends m_0 = 0 and m_(n+1) = 1 around them, the k-th centre's bandwidth is the distance to
 * its farther neighbour, s_k = max(m_k - m_(k-1), m_(k+1) - m_k), except that the first and the last centre
 * ignore the domain's end (s_1 = m_2 - m_1, s_n = m_n - m_(n-1)) when n >= 2; then s_k is clipped into
 * [1 / min(100, n + 1), 1] (the "magic clip") and the prior's bandwidth is 1. Dense regions thus get narrow
 * kernels and isolated observations wide ones, which adapts to the data where Scott's single bandwidth of the
 * multivariate {@link ParzenEstimator} cannot. Components are truncated normals ({@link TruncatedNormal}) mixed
 * with weight 1 per observation and {@code priorWeight} for the prior, normalized.
 */
public final class UnivariateParzenEstimator implements Density {
    private static final double MAGIC_CLIP_COMPONENTS = 100.0;

    private final double[] centres;
    private final double[] bandwidths;
    private final double[] weights;

    /**
     * @param observations the observed unit positions, each in [0, 1] (possibly none: the prior alone)
     * @param priorWeight the prior component's weight, > 0
     */
    public UnivariateParzenEstimator(double[] observations, double priorWeight) {
        int n = observations.length + 1;
        this.centres = Arrays.copyOf(observations, n);
        centres[n - 1] = 0.5;
        this.bandwidths = neighbourBandwidths(centres);
        bandwidths[n - 1] = 1.0;
        this.weights = new double[n];
        double total = observations.length + priorWeight;
        Arrays.fill(weights, 1.0 / total);
        weights[n - 1] = priorWeight / total;
    }

    /** @return the bandwidth of each component, the prior's last (for tests and the documentation) */
    double[] bandwidths() {
        return bandwidths.clone();
    }

    /**
     * @param centres the component centres (the prior's included)
     * @return s_k = the distance to the farther neighbour in sorted order, the ends of the sorted list measured
     *     to their single inner neighbour, clipped into [1 / min(100, n + 1), 1]
     */
    private static double[] neighbourBandwidths(double[] centres) {
        int n = centres.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(centres[a], centres[b]));
        double[] sorted = new double[n + 2];
        sorted[n + 1] = 1.0;
        for (int k = 0; k < n; k++) {
            sorted[k + 1] = centres[order[k]];
        }
        double low = 1.0 / Math.min(MAGIC_CLIP_COMPONENTS, n + 1.0);
        double[] bandwidths = new double[n];
        for (int k = 1; k <= n; k++) {
            double left = k == 1 && n >= 2 ? 0.0 : sorted[k] - sorted[k - 1];
            double right = k == n && n >= 2 ? 0.0 : sorted[k + 1] - sorted[k];
            bandwidths[order[k - 1]] = Math.min(1.0, Math.max(low, Math.max(left, right)));
        }
        return bandwidths;
    }

    /** @return a one-element point drawn from the mixture */
    @Override
    public double[] sample(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0.0;
        int component = weights.length - 1;
        for (int k = 0; k < weights.length; k++) {
            cumulative += weights[k];
            if (u < cumulative) {
                component = k;
                break;
            }
        }
        return new double[] {TruncatedNormal.sample(centres[component], bandwidths[component], random)};
    }

    /** @return log of the mixture density at the one-element point {@code x} (log-sum-exp over components) */
    @Override
    public double logDensity(double[] x) {
        double[] terms = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < terms.length; k++) {
            terms[k] = Math.log(weights[k]) + TruncatedNormal.logDensity(x[0], centres[k], bandwidths[k]);
            max = Math.max(max, terms[k]);
        }
        double sum = 0.0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
