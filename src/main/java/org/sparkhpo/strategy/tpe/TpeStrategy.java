package org.sparkhpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.bayes.ModelBasedStrategy;
import org.sparkhpo.strategy.MinimizedObjective;

/**
 * The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl, "Algorithms for hyper-parameter
 * optimization", NeurIPS 2011), univariate (the default: as Hyperopt and Optuna's default {@code TPESampler}) or
 * multivariate (Falkner et al., BOHB, ICML 2018; Optuna's {@code TPESampler(multivariate=True)}), by
 * {@link TpeOptions#multivariate()}. After the design of {@link ModelBasedStrategy}, each round splits the
 * completed trials by value: the best min(ceil(gamma n), 25) (at least one) form the good group, the rest and
 * every FAILED trial the bad group. Each proposal maximizes log l(x) - log g(x), l fitted to the good group and
 * g to the bad one (which maximizes expected improvement under the TPE model, Bergstra et al. section 4.1):
 * <ul>
 *   <li>multivariate: l and g are joint {@link ParzenEstimator}s; of {@code candidates} points drawn from l,
 *       the one with the largest ratio wins;</li>
 *   <li>univariate: per coordinate i, one-dimensional l_i and g_i ({@link UnivariateParzenEstimator} for a
 *       range, a one-coordinate {@link ParzenEstimator} for a categorical); of {@code candidates} draws from
 *       l_i, the one with the largest log l_i - log g_i is the proposal's i-th coordinate. This assumes the
 *       coordinates independent, which suits separable objectives and, with per-observation bandwidths, is
 *       what measured better on the benchmark functions (BENCHMARKS.md, issue 12).</li>
 * </ul>
 *
 * <p>Rounds by the constant liar (Optuna's {@code constant_liar}): a proposal of the round joins the bad group
 * for the following proposals of the same round, so they spread out instead of repeating the mode of l. A
 * candidate whose configuration was evaluated, failed or already proposed is skipped (integers and categories
 * make repeats possible); when none of 10 x candidates draws is new, the round ends there (univariate: when 10
 * compositions repeat, the joint draw decides).
 *
 * <p>Coordinates: a range parameter by its unit position on its own scale, a categorical by its value's index.
 */
public final class TpeStrategy extends ModelBasedStrategy {
    private static final long STREAM = 0x5450_455F_5354_5241L;
    private static final int MAX_GOOD = 25;

    private final SearchSpace space;
    private final TpeOptions options;
    private final int[] categories;

    /**
     * @param space the search space
     * @param objective the metric and its direction
     * @param options the options
     * @param roundSize the trials per round, >= 1
     * @param jobSeed the job seed
     */
    public TpeStrategy(SearchSpace space, MinimizedObjective objective, TpeOptions options, int roundSize,
                       long jobSeed) {
        super(space, objective, options.initialPoints(), roundSize, jobSeed ^ STREAM);
        if (space.dimension() == 0) {
            throw new IllegalArgumentException("the search space has no parameter to model");
        }
        this.space = space;
        this.options = options;
        this.categories = new int[space.dimension()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = space.parameters().get(i) instanceof CategoricalParameter c ? c.values().size() : 0;
        }
    }

    @Override
    protected List<Configuration> propose(List<Configuration> completed, double[] values,
                                          List<Configuration> failed, int q, SplittableRandom random) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int good = Math.max(1, Math.min((int) Math.ceil(options.gamma() * values.length), MAX_GOOD));
        List<double[]> below = new ArrayList<>();
        List<double[]> above = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            (r < good ? below : above).add(encode(completed.get(order[r])));
        }
        failed.forEach(c -> above.add(encode(c)));
        Set<Configuration> taken = new HashSet<>(completed);
        taken.addAll(failed);
        Density[] goodMarginals = options.multivariate() ? null : marginals(below);
        ParzenEstimator l = new ParzenEstimator(below, categories, options.priorWeight());
        List<Configuration> chosen = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            double[] best = options.multivariate() ? null
                    : bestUnivariateCandidate(goodMarginals, marginals(above), taken, random);
            if (best == null) {
                best = bestCandidate(l, new ParzenEstimator(above, categories, options.priorWeight()), taken, random);
            }
            if (best == null) {
                break;
            }
            Configuration configuration = decode(best);
            chosen.add(configuration);
            taken.add(configuration);
            above.add(best);
        }
        return chosen;
    }

    private double[] bestCandidate(ParzenEstimator l, ParzenEstimator g, Set<Configuration> taken,
                                   SplittableRandom random) {
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int drawn = 0;
        for (int attempt = 0; attempt < 10 * options.candidates() && drawn < options.candidates(); attempt++) {
            double[] x = encode(decode(l.sample(random)));
            if (taken.contains(decode(x))) {
                continue;
            }
            drawn++;
            double score = l.logDensity(x) - g.logDensity(x);
            if (best == null || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Univariate TPE: each coordinate independently takes, of {@code candidates} draws from its good marginal
     * l_i, the one with the largest log l_i(x_i) - log g_i(x_i); the point joins them. When the point (after
     * rounding) was evaluated, failed or proposed, it is composed again, at most 10 times; then (small finite
     * spaces, where the coordinate-wise best keeps repeating) the caller falls back to the joint draw.
     *
     * @return the unit point, or null when every attempt repeated a taken configuration
     */
    private double[] bestUnivariateCandidate(Density[] good, Density[] bad, Set<Configuration> taken,
                                             SplittableRandom random) {
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] x = new double[good.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = bestCoordinate(good[i], bad[i], random);
            }
            double[] rounded = encode(decode(x));
            if (!taken.contains(decode(rounded))) {
                return rounded;
            }
        }
        return null;
    }

    private double bestCoordinate(Density l, Density g, SplittableRandom random) {
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < options.candidates(); c++) {
            double[] x = l.sample(random);
            double score = l.logDensity(x) - g.logDensity(x);
            if (Double.isNaN(best) || score > bestScore) {
                best = x[0];
                bestScore = score;
            }
        }
        return best;
    }

    /** @return per coordinate, the one-dimensional density of the points' values on it */
    private Density[] marginals(List<double[]> points) {
        Density[] marginals = new Density[categories.length];
        for (int i = 0; i < marginals.length; i++) {
            double[] column = new double[points.size()];
            for (int k = 0; k < column.length; k++) {
                column[k] = points.get(k)[i];
            }
            marginals[i] = categories[i] > 0
                    ? new ParzenEstimator(Arrays.stream(column).mapToObj(v -> new double[] {v}).toList(),
                            new int[] {categories[i]}, options.priorWeight())
                    : new UnivariateParzenEstimator(column, options.priorWeight());
        }
        return marginals;
    }

    private double[] encode(Configuration configuration) {
        double[] x = new double[categories.length];
        for (int i = 0; i < x.length; i++) {
            Parameter parameter = space.parameters().get(i);
            Object value = configuration.get(parameter.name());
            x[i] = parameter instanceof CategoricalParameter c ? c.values().indexOf(value) : parameter.toUnit(value);
        }
        return x;
    }

    private Configuration decode(double[] x) {
        Configuration configuration = Configuration.empty();
        for (int i = 0; i < x.length; i++) {
            Parameter parameter = space.parameters().get(i);
            Object value = parameter instanceof CategoricalParameter c ? c.values().get((int) x[i])
                    : parameter.fromUnit(Math.min(1.0, Math.max(0.0, x[i])));
            configuration = configuration.with(parameter.name(), value);
        }
        return configuration;
    }
}
