package org.sparkhpo.strategy.bayes;

import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits the kernel hyperparameters and the noise by maximizing the log marginal likelihood of the standardized
 * outputs (Rasmussen and Williams, 2006, section 5.4.1) over theta = (log l_1, ..., log l_d, log s^2,
 * log noise), inside bounds, with Powell's BOBYQA ("The BOBYQA algorithm for bound constrained optimization
 * without derivatives", Cambridge report NA2009/06) from Commons Math, derivative-free, started from several
 * points: the previous fit when there is one (warm start between rounds), a neutral default, and seeded random
 * points of the box. The best of all starts wins; a start that runs out of evaluations keeps its best point.
 *
 * <p>With a {@link LengthScalePrior} other than none (the default: the dimension-scaled prior of Hvarfner
 * et al., ICML 2024) the fit is maximum a posteriori instead: it maximizes log p(y | X, theta) + sum_i log p(l_i),
 * the log marginal likelihood plus the log prior density of the length scales, inside the same bounds.
 *
 * <p>Bounds, for inputs in [0, 1] and outputs of unit variance: l in [0.02, 20], s^2 in [0.05, 20], noise in
 * [1e-6, 1].
 *
 * <p>Cost: each likelihood evaluation is a Cholesky factorization, O(n^3). Beyond {@link #MAX_FIT_POINTS}
 * observations the hyperparameters are fitted on a seeded uniform subset of that many (the returned process
 * still conditions on every observation): the hyperparameters of a smooth surface change little between 100
 * and 400 points, and the fit stays a fixed cost per round instead of growing as n^3.
 */
public final class MarginalLikelihoodFit {
    static final double MIN_LENGTH = 0.02;
    static final double MAX_LENGTH = 20.0;
    static final double MIN_SIGNAL = 0.05;
    static final double MAX_SIGNAL = 20.0;
    static final double MIN_NOISE = 1e-6;
    static final double MAX_NOISE = 1.0;
    /** The most observations the likelihood is evaluated on. */
    static final int MAX_FIT_POINTS = 100;

    private final int starts;
    private final int evaluationsPerStart;
    private final LengthScalePrior prior;

    /**
     * @param starts how many starts, >= 1 (the first is the previous fit or the default)
     * @param evaluationsPerStart likelihood evaluations per start, >= 10
     * @param prior the prior on the length scales ({@link LengthScalePrior#NONE}: maximum likelihood)
     */
    public MarginalLikelihoodFit(int starts, int evaluationsPerStart, LengthScalePrior prior) {
        if (starts < 1 || evaluationsPerStart < 10 || prior == null) {
            throw new IllegalArgumentException("likelihood fit: starts (" + starts + ") must be >= 1,"
                    + " evaluations per start (" + evaluationsPerStart + ") >= 10 and the prior given");
        }
        this.starts = starts;
        this.evaluationsPerStart = evaluationsPerStart;
        this.prior = prior;
    }

    /**
     * @param inputs the points, n x d
     * @param outputs the standardized outputs
     * @param previous the last fit (warm start), or null
     * @param random the seeded stream for the random starts
     * @return the process with the most likely hyperparameters
     */
    public GaussianProcess fit(double[][] inputs, double[] outputs, GaussianProcess previous,
                               SplittableRandom random) {
        int d = inputs[0].length;
        double[] lower = new double[d + 2];
        double[] upper = new double[d + 2];
        java.util.Arrays.fill(lower, 0, d, Math.log(MIN_LENGTH));
        java.util.Arrays.fill(upper, 0, d, Math.log(MAX_LENGTH));
        lower[d] = Math.log(MIN_SIGNAL);
        upper[d] = Math.log(MAX_SIGNAL);
        lower[d + 1] = Math.log(MIN_NOISE);
        upper[d + 1] = Math.log(MAX_NOISE);
        int[] subset = subset(inputs.length, random);
        double[][] fitInputs = new double[subset.length][];
        double[] fitOutputs = new double[subset.length];
        for (int i = 0; i < subset.length; i++) {
            fitInputs[i] = inputs[subset[i]];
            fitOutputs[i] = outputs[subset[i]];
        }
        Best best = new Best();
        for (int s = 0; s < starts; s++) {
            double[] start = s == 0 ? firstStart(previous, d) : randomStart(lower, upper, random);
            search(fitInputs, fitOutputs, clip(start, lower, upper), lower, upper, best);
        }
        if (best.process == null) {
            throw new IllegalStateException("Gaussian process: no hyperparameters give a positive definite"
                    + " covariance for " + inputs.length + " points");
        }
        return subset.length == inputs.length ? best.process : new GaussianProcess(inputs, outputs,
                best.process.kernel(), best.process.noise());
    }

    /**
     * @param inputs the points, n x d
     * @param outputs the standardized outputs
     * @param theta (log l_1, ..., log l_d, log s^2, log noise)
     * @return the maximized objective at theta: log p(y | X, theta) + log p(theta) (the prior term 0 without a
     *     prior), -infinity when the covariance is singular
     */
    double objective(double[][] inputs, double[] outputs, double[] theta) {
        return objective(build(inputs, outputs, theta), theta);
    }

    private double objective(GaussianProcess process, double[] theta) {
        return process == null ? Double.NEGATIVE_INFINITY : process.logMarginalLikelihood() + prior.logDensity(theta);
    }

    private void search(double[][] inputs, double[] outputs, double[] start, double[] lower, double[] upper,
                        Best best) {
        ObjectiveFunction likelihood = new ObjectiveFunction(theta -> {
            GaussianProcess process = build(inputs, outputs, theta);
            double value = objective(process, theta);
            if (process != null && value > best.value) {
                best.value = value;
                best.process = process;
            }
            return Double.isFinite(value) ? value : -1e300;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, 0.5, 1e-3);
        try {
            optimizer.optimize(new MaxEval(evaluationsPerStart), likelihood, GoalType.MAXIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            // The best point seen is kept in `best`: a capped search is a shorter search, not a failure.
        }
    }

    /** @return the process at theta, or null when its covariance is singular even with jitter */
    static GaussianProcess build(double[][] inputs, double[] outputs, double[] theta) {
        int d = theta.length - 2;
        double[] lengths = new double[d];
        for (int i = 0; i < d; i++) {
            lengths[i] = Math.exp(theta[i]);
        }
        try {
            return new GaussianProcess(inputs, outputs, new MaternKernel(lengths, Math.exp(theta[d])),
                    Math.exp(theta[d + 1]));
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** @return every index when n <= MAX_FIT_POINTS, else a seeded uniform subset of that many, sorted */
    private static int[] subset(int n, SplittableRandom random) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        if (n <= MAX_FIT_POINTS) {
            return indices;
        }
        for (int i = 0; i < MAX_FIT_POINTS; i++) {
            int j = i + random.nextInt(n - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(indices, MAX_FIT_POINTS);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static double[] firstStart(GaussianProcess previous, int d) {
        double[] theta = new double[d + 2];
        if (previous != null && previous.kernel().dimension() == d) {
            for (int i = 0; i < d; i++) {
                theta[i] = Math.log(previous.kernel().lengthScales()[i]);
            }
            theta[d] = Math.log(previous.kernel().signalVariance());
            theta[d + 1] = Math.log(previous.noise());
            return theta;
        }
        java.util.Arrays.fill(theta, 0, d, Math.log(0.5));
        theta[d] = 0.0;
        theta[d + 1] = Math.log(1e-3);
        return theta;
    }

    private static double[] randomStart(double[] lower, double[] upper, SplittableRandom random) {
        double[] theta = new double[lower.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
        }
        return theta;
    }

    private static double[] clip(double[] x, double[] lower, double[] upper) {
        double[] clipped = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            clipped[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return clipped;
    }

    /** The best process seen over all starts. */
    private static final class Best {
        private double value = Double.NEGATIVE_INFINITY;
        private GaussianProcess process;
    }
}
