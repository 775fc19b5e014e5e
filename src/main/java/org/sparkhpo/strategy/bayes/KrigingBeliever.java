package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Proposes a round of q points from one fitted Gaussian process by the Kriging believer (Ginsbourger, Le Riche
 * and Carraro, "Kriging is well-suited to parallelize optimization", 2010): maximize log-EI, then pretend the
 * chosen point was evaluated and returned the posterior mean there (the incumbent is the smallest posterior mean
 * at an evaluated point, {@link #plugInIncumbent}), condition the process on that fantasy
 * (same hyperparameters) and maximize again, q times.
 *
 * <p>Why this batch method: a fantasy at the mean leaves the mean surface unchanged and collapses the variance
 * around the chosen point, so the next maximization moves to another basin or to unexplored space; it costs one
 * Cholesky factorization per proposal, needs no Monte-Carlo samples (so a round is an exact function of the
 * seed and the results, which {@code --resume} replays), and for the small rounds of a cluster (q <= 16) it
 * performs close to Monte-Carlo q-EI in Ginsbourger et al.'s and later comparisons, at a fraction of the cost.
 * Local penalization would need a Lipschitz estimate the noisy validation metric does not give.
 *
 * <p>A mixed batch: the first {@link LowerBoundProposals#of(int)} proposals of a round (by default one of a round
 * of q > 1) minimize the {@link LowerConfidenceBound} mu - kappa s (kappa = 1 by default) instead of maximizing
 * log-EI, with a much smaller distinctness tolerance ({@code lcb-min-distance}, 1e-5 by default): one member of
 * the round refines where the model believes the minimum is, while the expected-improvement members keep
 * exploring. Expected improvement with a batch alone is slow to converge on the last digits (its maximizer moves
 * away from well-sampled minima, and the tolerance forbids the fine steps); HEBO (Cowen-Rivers et al., "HEBO:
 * pushing the limits of sample-efficient hyper-parameter optimisation", JAIR 2022) makes its batches from several
 * acquisitions and always includes the candidate with the best posterior mean, and Rehbach et al. (GECCO 2020)
 * found the predicted value alone competitive with expected improvement at small budgets. The lower-bound
 * proposal is a fantasy like the others, so the expected-improvement proposals that follow avoid it.
 *
 * <p>FAILED trials stay out of the regression (and of the hyperparameter fit); their points join the fantasy
 * data with the worst standardized value seen (a constant liar, Ginsbourger et al.'s CL-max), so the search
 * avoids their neighbourhood without a made-up value distorting the fitted length scales. No expected-improvement
 * proposal lies within {@code minDistance}, and no lower-bound proposal within {@code lcb-min-distance}, of an
 * evaluated, failed or already proposed point: the acquisition is -infinity there.
 */
public final class KrigingBeliever {
    private static final int INCUMBENTS = 3;

    private final OneHotCube cube;
    private final MarginalLikelihoodFit fit;
    private final AcquisitionOptimizer optimizer;
    private final double minDistance;
    private final OutputWarping outputWarping;
    private final LowerBoundProposals lowerBound;
    private GaussianProcess last;

    /**
     * @param cube the model cube
     * @param options the strategy's options (candidates, min distance, fit starts, output warping, lower-bound
     *     proposals)
     */
    public KrigingBeliever(OneHotCube cube, BayesOptions options) {
        this.cube = cube;
        this.fit = new MarginalLikelihoodFit(options.fitStarts(), 15 * (cube.dimension() + 2),
                options.lengthScalePrior());
        this.optimizer = new AcquisitionOptimizer(options.candidates(), 2, 15 * cube.dimension() + 30);
        this.minDistance = options.minDistance();
        this.outputWarping = options.outputWarping();
        this.lowerBound = options.lowerBound();
    }

    /** @return the last fitted process, or null before the first round */
    public GaussianProcess lastFit() {
        return last;
    }

    /**
     * @param points the completed points (model cube), at least one
     * @param values their minimized values, finite
     * @param failed the points of FAILED trials
     * @param q the most proposals
     * @param random the round's seeded stream
     * @return between 0 and q rounded points: first the lower-bound proposals, then the expected-improvement
     *     ones, each at least its own min distance away from every known point and every earlier proposal
     */
    public List<double[]> propose(List<double[]> points, double[] values, List<double[]> failed, int q,
                                  SplittableRandom random) {
        double[] standardized = outputWarping.apply(standardize(values));
        double[][] inputs = points.toArray(new double[0][]);
        last = fit.fit(inputs, standardized, last, random);
        double best = plugInIncumbent(last, points);
        double worst = Double.NEGATIVE_INFINITY;
        for (double y : standardized) {
            worst = Math.max(worst, y);
        }
        List<double[]> fantasyX = new ArrayList<>(points);
        List<Double> fantasyY = new ArrayList<>();
        for (double y : standardized) {
            fantasyY.add(y);
        }
        for (double[] x : failed) {
            fantasyX.add(x);
            fantasyY.add(worst);
        }
        List<double[]> incumbents = incumbents(points, values);
        GaussianProcess believer = failed.isEmpty() ? last : condition(fantasyX, fantasyY);
        int lowerBoundCount = lowerBound.of(q);
        List<double[]> chosen = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            ToDoubleFunction<double[]> acquisition = j < lowerBoundCount
                    ? confidenceBound(believer, List.copyOf(fantasyX)) : expectedImprovement(believer, best,
                    List.copyOf(fantasyX));
            double[] x = optimizer.maximize(acquisition, cube, incumbents, random);
            if (x == null) {
                break;
            }
            chosen.add(x);
            fantasyX.add(x);
            fantasyY.add(believer.predict(x)[0]);
            believer = condition(fantasyX, fantasyY);
        }
        return chosen;
    }

    /** @return log-EI over {@code incumbent}, -infinity within min-distance of a taken point */
    private ToDoubleFunction<double[]> expectedImprovement(GaussianProcess model, double incumbent,
                                                           List<double[]> taken) {
        return p -> isFar(p, taken, minDistance) ? logEi(model, p, incumbent) : Double.NEGATIVE_INFINITY;
    }

    /** @return minus the lower confidence bound, -infinity within lcb-min-distance of a taken point */
    private ToDoubleFunction<double[]> confidenceBound(GaussianProcess model, List<double[]> taken) {
        double kappa = lowerBound.kappa();
        double tolerance = lowerBound.minDistance();
        return p -> isFar(p, taken, tolerance) ? -LowerConfidenceBound.of(model, p, kappa)
                : Double.NEGATIVE_INFINITY;
    }

    /**
     * The incumbent of expected improvement: the smallest posterior mean at an evaluated point, the "plug-in"
     * criterion of Picheny, Wagner and Ginsbourger, "A benchmark of kriging-based infill criteria for noisy
     * optimization" (Struct. Multidiscip. Optim. 48, 2013), rather than the smallest observed value. With a
     * fitted noise the smallest observation is biased low (the luckiest draw of the noise, or on a rugged
     * surface the ripple the smooth fit treats as noise), which makes every posterior mean look worse than the
     * incumbent and turns expected improvement into pure variance seeking; without noise the two coincide up
     * to the jitter.
     *
     * @return min_i mu(x_i) over the evaluated points
     */
    static double plugInIncumbent(GaussianProcess model, List<double[]> points) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] x : points) {
            best = Math.min(best, model.predict(x)[0]);
        }
        return best;
    }

    private static double logEi(GaussianProcess model, double[] p, double incumbent) {
        double[] posterior = model.predict(p);
        return LogExpectedImprovement.of(posterior[0], Math.sqrt(posterior[1]), incumbent);
    }

    private GaussianProcess condition(List<double[]> x, List<Double> y) {
        double[] outputs = y.stream().mapToDouble(Double::doubleValue).toArray();
        return new GaussianProcess(x.toArray(new double[0][]), outputs, last.kernel(), last.noise());
    }

    private static boolean isFar(double[] p, List<double[]> taken, double distance) {
        double limit = distance * distance;
        for (double[] t : taken) {
            double squared = 0.0;
            for (int i = 0; i < p.length; i++) {
                double delta = p[i] - t[i];
                squared += delta * delta;
            }
            if (squared < limit) {
                return false;
            }
        }
        return true;
    }

    private static List<double[]> incumbents(List<double[]> points, double[] values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(values[a], values[b]));
        List<double[]> best = new ArrayList<>();
        for (int i = 0; i < Math.min(INCUMBENTS, order.size()); i++) {
            best.add(points.get(order.get(i)));
        }
        return best;
    }

    /** @return (y - mean) / sd, with sd = 1 when the values are all equal */
    static double[] standardize(double[] values) {
        double mean = 0.0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0.0;
        double scale = sd > 1e-12 ? sd : 1.0;
        double[] standardized = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            standardized[i] = (values[i] - mean) / scale;
        }
        return standardized;
    }
}
