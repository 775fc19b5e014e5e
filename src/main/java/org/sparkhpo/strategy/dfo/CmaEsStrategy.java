package org.sparkhpo.strategy.dfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.UnitCube;

/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, as an ask/tell state machine with the default
 * parameters of Hansen's tutorial ({@link CmaEsParameters}), in the unit cube of the search space.
 *
 * <p>One generation samples y_k = B D z_k with z_k ~ N(0, I) and x_k = m + sigma y_k for k = 1..lambda
 * (C = B D^2 B^T), ranks the x_k by value, and updates, with y_w = sum_{i<=mu} w_i y_{i:lambda}:
 * <pre>
 *   m       &lt;- m + sigma y_w                                              (c_m = 1)
 *   p_sigma &lt;- (1 - c_sigma) p_sigma + sqrt(c_sigma (2 - c_sigma) mu_eff) C^{-1/2} y_w
 *   sigma   &lt;- sigma exp((c_sigma / d_sigma) (||p_sigma|| / E||N(0, I)|| - 1))
 *   p_c     &lt;- (1 - c_c) p_c + h_sigma sqrt(c_c (2 - c_c) mu_eff) y_w
 *   C       &lt;- (1 - c_1 - c_mu + (1 - h_sigma) c_1 c_c (2 - c_c)) C + c_1 p_c p_c^T + c_mu sum w_i y_i y_i^T
 * </pre>
 * with h_sigma = 1 when ||p_sigma|| / sqrt(1 - (1 - c_sigma)^(2 (g + 1))) &lt; (1.4 + 2 / (n + 1)) E||N(0, I)||.
 *
 * <p>Active covariance update (Hansen's tutorial, 2016, eq. 46-47): the lambda - mu worst samples enter the rank-mu
 * term with the negative weights of {@link CmaEsParameters}, each scaled by n / ||C^{-1/2} y_k||^2, and the
 * decay is 1 - c_1 - c_mu sum_i w_i; the best mu move the mean as above. This is the update of the {@code cmaes}
 * library behind Optuna's CmaEsSampler.
 *
 * <p>Population: lambda = {@code population} when set, else max(round size, 4 + floor(3 ln n)). The decision for
 * rounds: a generation is never cut to a round (a smaller lambda than Hansen's default loses the covariance
 * learning the defaults are tuned for), so when 4 + floor(3 ln n) exceeds the round size one generation spans
 * several rounds (with rounds of 8: n = 6 and 8 give 9 and 10, Optuna's own population); when the round is
 * larger the population grows to fill it, since the extra samples of a round cost no extra wall time on a
 * cluster. With the automatic parallelism the round is at least a generation ({@code StrategyKind}'s batch), so
 * a generation spans several rounds only when {@code hpo.search.parallelism} sets a smaller one.
 *
 * <p>Bounds by resampling, as the {@code cmaes} library does: a sample outside the unit cube is drawn again, up to
 * {@link #MAX_RESAMPLES} times, and the last draw is clipped into the cube if none fell inside; the update uses
 * the sample as evaluated, y_k = (x_k - m) / sigma, so the distribution learns only from points it was told
 * values of. Restart: when sigma max(D) falls below {@code min-step}, or C's condition number exceeds 1e14, the
 * search restarts from the best point seen with sigma = {@code step} and C = I.
 *
 * <p>Start: the mean is the start point (the centre of the cube by default) or the best point of the design
 * round, and sigma = {@code sigma}, by default 1/6 of every range: the defaults reproduce the start of Optuna's
 * CmaEsSampler (the centre, sigma 1/6), which a step of 1/4 trailed on Ackley, Levy and Hartmann
 * (BENCHMARKS.md, issue 12).
 *
 * <p>Hand-written rather than Commons Math's {@code CMAESOptimizer}, which is push-style (it calls the
 * function itself, one point at a time) and so cannot hand a generation to the cluster; Commons Math's
 * {@link EigenDecomposition} does the linear algebra.
 */
public final class CmaEsStrategy extends DfoStrategy {
    /** Restart when C's condition number, (max D / min D)^2, exceeds this. */
    static final double MAX_CONDITION = 1e14;
    /** Draws of a sample before its last draw is clipped into the cube. */
    static final int MAX_RESAMPLES = 100;
    private static final long STREAM = 0x434D_4145_5331_3936L;

    /** The phases that propose candidates. */
    public enum Phase {
        SAMPLE, RESTART;

        /** @return the journal name, {@code sample} or {@code restart} */
        public String journalName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CmaEsParameters parameters;
    private double[] mean;
    private double sigma;
    private double[][] covariance;
    private double[][] basis;
    private double[] scales;
    private double[] pathC;
    private double[] pathSigma;
    private int generation;
    private int restarts;
    private Phase phase = Phase.SAMPLE;
    private double[][] steps;

    /**
     * @param space the search space (categorical rule: see {@link UnitCube})
     * @param objective the metric and its direction
     * @param options step (initial sigma), min-step (restart), population, initial design
     * @param roundSize the trials per round, >= 1
     * @param start the start mean in the unit cube without a design round (null: the centre)
     * @param jobSeed the job seed
     */
    public CmaEsStrategy(SearchSpace space, MinimizedObjective objective, DfoOptions options, int roundSize,
                         double[] start, long jobSeed) {
        super(space, objective, options, start, jobSeed, STREAM);
        if (roundSize < 1) {
            throw new IllegalArgumentException("round size: " + roundSize + " must be >= 1");
        }
        int lambda = options.population() > 0 ? options.population()
                : Math.max(roundSize, CmaEsParameters.defaultLambda(dimension()));
        this.parameters = CmaEsParameters.of(dimension(), Math.max(2, lambda));
    }

    /** @return the population lambda */
    public int lambda() {
        return parameters.lambda();
    }

    /** @return the current step size sigma */
    public double sigma() {
        return sigma;
    }

    /** @return how many times the search restarted */
    public int restarts() {
        return restarts;
    }

    @Override
    protected void begin(double[] x0, double f0) {
        reset(x0);
    }

    private void reset(double[] x0) {
        int n = dimension();
        mean = x0.clone();
        sigma = options().sigma();
        covariance = identity(n);
        basis = identity(n);
        scales = new double[n];
        Arrays.fill(scales, 1.0);
        pathC = new double[n];
        pathSigma = new double[n];
        generation = 0;
    }

    @Override
    protected List<Candidate> nextBatch() {
        steps = new double[parameters.lambda()][];
        List<Candidate> batch = new ArrayList<>();
        for (int k = 0; k < parameters.lambda(); k++) {
            double[] x = sampleInCube();
            steps[k] = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                steps[k][i] = (x[i] - mean[i]) / sigma;
            }
            batch.add(new Candidate(x, phase.journalName()));
        }
        phase = Phase.SAMPLE;
        return batch;
    }

    /** @return m + sigma B D z with z ~ N(0, I), resampled while outside the cube, the last draw clipped */
    private double[] sampleInCube() {
        int n = dimension();
        double[] x = new double[n];
        for (int attempt = 0; attempt <= MAX_RESAMPLES; attempt++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random().nextGaussian() * scales[i];
            }
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                double y = 0.0;
                for (int j = 0; j < n; j++) {
                    y += basis[i][j] * z[j];
                }
                x[i] = mean[i] + sigma * y;
                inside &= x[i] >= 0.0 && x[i] <= 1.0;
            }
            if (inside) {
                return x;
            }
        }
        return UnitCube.clip(x);
    }

    @Override
    protected void learn(List<Candidate> batch, double[] batchValues) {
        Integer[] order = rank(batchValues);
        double[] yw = new double[dimension()];
        for (int i = 0; i < parameters.mu(); i++) {
            for (int d = 0; d < yw.length; d++) {
                yw[d] += parameters.weights()[i] * steps[order[i]][d];
            }
        }
        for (int d = 0; d < yw.length; d++) {
            mean[d] += sigma * yw[d];
        }
        boolean hSigma = updatePaths(yw);
        updateCovariance(order, hSigma);
        sigma *= Math.exp(parameters.cSigma() / parameters.dSigma() * (norm(pathSigma) / parameters.chiN() - 1));
        generation++;
        decompose();
        restartWhenConverged();
    }

    /** @return sample indices from best to worst value (FAILED ones, +infinity, last) */
    private static Integer[] rank(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> values[k]));
        return order;
    }

    /** Updates p_sigma and p_c; returns h_sigma. */
    private boolean updatePaths(double[] yw) {
        int n = dimension();
        double[] whitened = inverseSqrtTimes(yw);
        double sigmaFactor = Math.sqrt(parameters.cSigma() * (2 - parameters.cSigma()) * parameters.muEff());
        for (int d = 0; d < n; d++) {
            pathSigma[d] = (1 - parameters.cSigma()) * pathSigma[d] + sigmaFactor * whitened[d];
        }
        double correction = Math.sqrt(1 - Math.pow(1 - parameters.cSigma(), 2.0 * (generation + 1)));
        boolean hSigma = norm(pathSigma) / correction < (1.4 + 2.0 / (n + 1)) * parameters.chiN();
        double cFactor = Math.sqrt(parameters.cc() * (2 - parameters.cc()) * parameters.muEff());
        for (int d = 0; d < n; d++) {
            pathC[d] = (1 - parameters.cc()) * pathC[d] + (hSigma ? cFactor * yw[d] : 0.0);
        }
        return hSigma;
    }

    private void updateCovariance(Integer[] order, boolean hSigma) {
        int n = dimension();
        double c1 = parameters.c1();
        double cMu = parameters.cMu();
        double[] weights = parameters.weights();
        double[] effective = new double[weights.length];
        double weightSum = 0.0;
        for (int i = 0; i < weights.length; i++) {
            weightSum += weights[i];
            double[] whitened = weights[i] >= 0 ? null : inverseSqrtTimes(steps[order[i]]);
            effective[i] = whitened == null ? weights[i]
                    : weights[i] * n / Math.max(dot(whitened, whitened), 1e-8);
        }
        double keep = 1 - c1 - cMu * weightSum + (hSigma ? 0.0 : c1 * parameters.cc() * (2 - parameters.cc()));
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double rankMu = 0.0;
                for (int i = 0; i < weights.length; i++) {
                    double[] y = steps[order[i]];
                    rankMu += effective[i] * y[a] * y[b];
                }
                double value = keep * covariance[a][b] + c1 * pathC[a] * pathC[b] + cMu * rankMu;
                covariance[a][b] = value;
                covariance[b][a] = value;
            }
        }
    }

    /** C = B D^2 B^T by Commons Math's symmetric eigendecomposition; D holds the square roots. */
    private void decompose() {
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, true));
        RealMatrix vectors = eigen.getV();
        double[] eigenvalues = eigen.getRealEigenvalues();
        for (int i = 0; i < scales.length; i++) {
            scales[i] = Math.sqrt(Math.max(eigenvalues[i], 0.0));
            for (int j = 0; j < scales.length; j++) {
                basis[j][i] = vectors.getEntry(j, i);
            }
        }
    }

    /** @return C^{-1/2} v = B D^{-1} B^T v */
    private double[] inverseSqrtTimes(double[] v) {
        int n = v.length;
        double[] projected = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                projected[i] += basis[j][i] * v[j];
            }
            projected[i] /= Math.max(scales[i], Double.MIN_NORMAL);
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                result[i] += basis[i][j] * projected[j];
            }
        }
        return result;
    }

    private void restartWhenConverged() {
        double largest = Arrays.stream(scales).max().orElse(0.0);
        double smallest = Arrays.stream(scales).min().orElse(0.0);
        boolean collapsed = !(sigma * largest >= options().minStep());
        boolean illConditioned = !(largest * largest <= MAX_CONDITION * smallest * smallest);
        if (collapsed || illConditioned || !Double.isFinite(sigma)) {
            restarts++;
            reset(bestPoint() == null ? mean : bestPoint());
            phase = Phase.RESTART;
        }
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = super.report();
        report.put("dfo_restarts", restarts);
        report.put("cma_lambda", parameters.lambda());
        report.put("cma_sigma", sigma);
        return report;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0.0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double[][] identity(int n) {
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1.0;
        }
        return identity;
    }
}
