package org.sparkhpo.strategy.tpe;

import java.util.ArrayList;
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
 * The multivariate tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl, "Algorithms for
 * hyper-parameter optimization", NeurIPS 2011; multivariate as in Falkner et al., BOHB, ICML 2018, and Optuna's
 * {@code TPESampler(multivariate=True)}). After the design of {@link ModelBasedStrategy}, each round splits the
 * completed trials by value: the best min(ceil(gamma n), 25) (at least one) form the good group, the rest and
 * every FAILED trial the bad group; a {@link ParzenEstimator} l(x) is fitted to the good and g(x) to the bad,
 * and each proposal is, of {@code candidates} points drawn from l, the one with the largest log l(x) - log g(x)
 * (which maximizes expected improvement under the TPE model, Bergstra et al. section 4.1).
 *
 * <p>Rounds by the constant liar (Optuna's {@code constant_liar}): a proposal of the round joins the bad group
 * for the following proposals of the same round, so they spread out instead of repeating the mode of l. A
 * candidate whose configuration was evaluated, failed or already proposed is skipped (integers and categories
 * make repeats possible); when none of 10 x candidates draws is new, the round ends there.
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
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int good = Math.max(1, Math.min((int) Math.ceil(options.gamma() * values.length), MAX_GOOD));
        List<double[]> below = new ArrayList<>();
        List<double[]> above = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            (r < good ? below : above).add(encode(completed.get(order[r])));
        }
        failed.forEach(c -> above.add(encode(c)));
        Set<Configuration> taken = new HashSet<>(completed);
        taken.addAll(failed);
        ParzenEstimator l = new ParzenEstimator(below, categories, options.priorWeight());
        List<Configuration> chosen = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            ParzenEstimator g = new ParzenEstimator(above, categories, options.priorWeight());
            double[] best = bestCandidate(l, g, taken, random);
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
