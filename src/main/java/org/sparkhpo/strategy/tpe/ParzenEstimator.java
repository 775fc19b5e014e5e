package org.sparkhpo.strategy.tpe;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A multivariate Parzen (kernel density) estimator over mixed coordinates, as in Optuna's multivariate TPE
 * (Falkner, Klein and Hutter, "BOHB: robust and efficient hyperparameter optimization at scale", ICML 2018,
 * section 3.1; Watanabe, "Tree-structured Parzen estimator: understanding its algorithm components", 2023).
 * One component per observation plus one prior component, mixed with weights 1 (observations) and
 * {@code priorWeight} (prior), normalized. A component is a product over coordinates:
 * <ul>
 *   <li>a range coordinate u in [0, 1] gets a Gaussian truncated to [0, 1] centred on the observation, with
 *       the multivariate Scott bandwidth sigma = 0.2 n^(-1 / (d + 4)) clipped into [1 / min(100, n + 1), 1]
 *       (Optuna's "magic clip" lower bound); the prior component is N(0.5, 1) truncated;</li>
 *   <li>a categorical coordinate with k values gets (priorWeight / k + [j = observed]) / (priorWeight + 1) on
 *       value j; the prior component is uniform.</li>
 * </ul>
 * A categorical coordinate holds the value's index as a double.
 */
public final class ParzenEstimator implements Density {
    private static final double SIGMA0 = 0.2;

    private final double[][] centres;
    private final int[] categories;
    private final double priorWeight;
    private final double sigma;
    private final double[] logWeights;

    /**
     * @param observations the points, n x d (possibly n = 0: the prior alone)
     * @param categories per coordinate: 0 for a range, else the number of categorical values
     * @param priorWeight the prior component's weight, > 0
     */
    public ParzenEstimator(List<double[]> observations, int[] categories, double priorWeight) {
        this.centres = observations.toArray(new double[0][]);
        this.categories = categories.clone();
        this.priorWeight = priorWeight;
        int n = centres.length;
        int d = categories.length;
        double scott = SIGMA0 * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        this.sigma = Math.min(1.0, Math.max(1.0 / Math.min(100, n + 1), scott));
        this.logWeights = new double[n + 1];
        double total = n + priorWeight;
        for (int j = 0; j < n; j++) {
            logWeights[j] = Math.log(1.0 / total);
        }
        logWeights[n] = Math.log(priorWeight / total);
    }

    /** @return a point drawn from the mixture (range coordinates by rejection into [0, 1]) */
    @Override
    public double[] sample(SplittableRandom random) {
        int component = component(random);
        double[] x = new double[categories.length];
        for (int i = 0; i < x.length; i++) {
            boolean prior = component == centres.length;
            if (categories[i] > 0) {
                x[i] = sampleCategory(prior ? -1 : (int) centres[component][i], categories[i], random);
            } else {
                x[i] = TruncatedNormal.sample(prior ? 0.5 : centres[component][i], prior ? 1.0 : sigma, random);
            }
        }
        return x;
    }

    /** @return log of the mixture density at {@code x} (log-sum-exp over components) */
    @Override
    public double logDensity(double[] x) {
        double[] terms = new double[logWeights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < terms.length; j++) {
            terms[j] = logWeights[j] + logComponent(j, x);
            max = Math.max(max, terms[j]);
        }
        double sum = 0.0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private double logComponent(int j, double[] x) {
        boolean prior = j == centres.length;
        double log = 0.0;
        for (int i = 0; i < x.length; i++) {
            int k = categories[i];
            if (k > 0) {
                boolean match = !prior && (int) centres[j][i] == (int) x[i];
                log += prior ? -Math.log(k) : Math.log((priorWeight / k + (match ? 1.0 : 0.0)) / (priorWeight + 1));
            } else {
                log += TruncatedNormal.logDensity(x[i], prior ? 0.5 : centres[j][i], prior ? 1.0 : sigma);
            }
        }
        return log;
    }

    private int component(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0.0;
        for (int j = 0; j < logWeights.length; j++) {
            cumulative += Math.exp(logWeights[j]);
            if (u < cumulative) {
                return j;
            }
        }
        return logWeights.length - 1;
    }

    private double sampleCategory(int observed, int k, SplittableRandom random) {
        double u = random.nextDouble() * (observed < 0 ? 1.0 : priorWeight + 1);
        if (observed >= 0 && u < 1.0) {
            return observed;
        }
        return random.nextInt(k);
    }
}
