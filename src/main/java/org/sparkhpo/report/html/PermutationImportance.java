package org.sparkhpo.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Parameter importance by permutation (Breiman, "Random Forests", Machine Learning 45, 2001, section 10): fit
 * a random forest of {@value #TREES} {@link RegressionTree}s (each on a bootstrap sample of the trials, depth
 * at most {@value #MAX_DEPTH}, leaves of at least {@value #MIN_LEAF} trials) that predicts the objective from the
 * parameters; the importance of parameter j is how much the forest's mean squared error on the trials grows when
 * column j is shuffled, I_j = MSE(shuffled j) - MSE, averaged over {@value #REPEATS} shuffles, clipped at 0 and
 * reported as a share of the sum (all zero when nothing matters or fewer than {@value #MIN_TRIALS} trials).
 *
 * <p>Deterministic: the bootstrap samples and the shuffles come from a generator seeded by {@link #SEED}, so a
 * report of the same trials shows the same importances. Cheap: a few dozen milliseconds for 1,000 trials of
 * six parameters on one core. Driver-only.
 */
final class PermutationImportance {
    /** The method's name as the chart shows it. */
    static final String METHOD = "permutation importance (Breiman 2001) on a random forest of "
            + PermutationImportance.TREES + " regression trees";
    static final int TREES = 32;
    static final int MAX_DEPTH = 8;
    static final int MIN_LEAF = 2;
    static final int REPEATS = 3;
    static final int MIN_TRIALS = 3;
    /** Seed of the bootstrap samples and shuffles. */
    static final long SEED = 20011001L;

    private PermutationImportance() {
    }

    /**
     * @param x the trials' encoded parameters, x[trial][parameter]
     * @param y the trials' objective values, all finite
     * @param parameters the number of parameters (the length of every row; rows may be none)
     * @return the importance share of each parameter (summing to 1, or all 0)
     */
    static double[] of(double[][] x, double[] y, int parameters) {
        double[] importance = new double[parameters];
        if (x.length < MIN_TRIALS || parameters == 0) {
            return importance;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<RegressionTree> forest = forest(x, y, random);
        double baseline = meanSquaredError(forest, x, y);
        for (int j = 0; j < parameters; j++) {
            double growth = 0.0;
            for (int r = 0; r < REPEATS; r++) {
                growth += meanSquaredError(forest, shuffledColumn(x, j, random), y) - baseline;
            }
            importance[j] = Math.max(0.0, growth / REPEATS);
        }
        double sum = 0.0;
        for (double value : importance) {
            sum += value;
        }
        for (int j = 0; j < parameters; j++) {
            importance[j] = sum > 0 ? importance[j] / sum : 0.0;
        }
        return importance;
    }

    private static List<RegressionTree> forest(double[][] x, double[] y, SplittableRandom random) {
        List<RegressionTree> trees = new ArrayList<>();
        for (int t = 0; t < TREES; t++) {
            int[] sample = new int[x.length];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(x.length);
            }
            trees.add(RegressionTree.fit(x, y, sample, MAX_DEPTH, MIN_LEAF));
        }
        return trees;
    }

    private static double meanSquaredError(List<RegressionTree> forest, double[][] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            double prediction = 0.0;
            for (RegressionTree tree : forest) {
                prediction += tree.predict(x[i]);
            }
            double error = prediction / forest.size() - y[i];
            sum += error * error;
        }
        return sum / x.length;
    }

    /** @return a copy of x whose column j is a seeded Fisher–Yates shuffle of the original column */
    private static double[][] shuffledColumn(double[][] x, int j, SplittableRandom random) {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        for (int i = x.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            double swap = copy[i][j];
            copy[i][j] = copy[k][j];
            copy[k][j] = swap;
        }
        return copy;
    }
}
