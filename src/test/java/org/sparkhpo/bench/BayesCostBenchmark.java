package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.bayes.BayesOptions;
import org.sparkhpo.strategy.bayes.KrigingBeliever;
import org.sparkhpo.strategy.bayes.LengthScalePrior;
import org.sparkhpo.strategy.bayes.OneHotCube;

/**
 * Driver cost of the bayes strategy (issue 12): the wall time of fitting the Gaussian process and proposing one
 * round of 8 from n observations in 6 dimensions (Rosenbrock values at uniform points), for n = 25, 50, 100,
 * 200, 400, each after two warm-up rounds (JIT), with the default options and with the hyperparameters fitted by
 * maximum likelihood (no prior, the default before the sixth pass of issue 12) in turn. Prints
 * {@code n seconds seconds-maximum-likelihood} lines.
 *
 * <p>Usage: {@code BayesCostBenchmark [repeats]} (default 3; the median is printed).
 */
public final class BayesCostBenchmark {
    private BayesCostBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Tunable[] axes = {Tunable.L2, Tunable.L1, Tunable.DECAY_RATE, Tunable.MOMENTUM, Tunable.LEARNING_RATE,
            Tunable.DECAY_EPOCHS};
        List<Parameter> parameters = new ArrayList<>();
        for (Tunable axis : axes) {
            parameters.add(axis == Tunable.DECAY_EPOCHS
                    ? new org.sparkhpo.space.IntegerParameter(axis, 1, 1000, Scale.LINEAR, 3)
                    : new ContinuousParameter(axis, axis == Tunable.DECAY_RATE || axis == Tunable.LEARNING_RATE
                            ? 0.01 : 0.0, axis == Tunable.MOMENTUM ? 0.99 : 1.0, Scale.LINEAR, 3));
        }
        OneHotCube cube = new OneHotCube(new SearchSpace(parameters));
        BayesOptions defaults = BayesOptions.defaults();
        BayesOptions maximumLikelihood = new BayesOptions(defaults.initialPoints(), defaults.candidates(),
                defaults.minDistance(), defaults.fitStarts(), defaults.outputWarping(), defaults.lowerBound(),
                LengthScalePrior.NONE);
        for (int n : new int[] {200, 25, 50, 100, 200, 400}) {
            System.out.printf(Locale.ROOT, "%d %.3f %.3f%n", n, medianSeconds(cube, defaults, n, repeats),
                    medianSeconds(cube, maximumLikelihood, n, repeats));
        }
    }

    /** @return the median wall time of fitting and proposing a round of 8 from n points */
    private static double medianSeconds(OneHotCube cube, BayesOptions options, int n, int repeats) {
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            SplittableRandom random = new SplittableRandom(r);
            List<double[]> points = new ArrayList<>();
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                double[] x = new double[6];
                for (int k = 0; k < 6; k++) {
                    x[k] = random.nextDouble();
                }
                points.add(cube.round(x));
                values[i] = KnownFunction.ROSENBROCK.valueAtUnit(points.get(i));
            }
            KrigingBeliever batch = new KrigingBeliever(cube, options);
            long start = System.nanoTime();
            batch.propose(points, values, List.of(), 8, random);
            times[r] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(times);
        return times[repeats / 2];
    }
}
