package org.sparkhpo.report.html;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A CART regression tree (Breiman et al., "Classification and Regression Trees", 1984): each node splits the rows
 * at the threshold, over every feature, that most reduces the sum of squared deviations from the mean, SSE =
 * sum_i (y_i - mean)^2; a node becomes a leaf predicting its mean at {@code maxDepth}, below
 * {@code 2 * minLeaf} rows, or when no split lowers the SSE. Features are numbers (categories as their index;
 * a tree only compares, so a log scale changes nothing).
 *
 * <p>Written by hand: Spark MLlib's trees need a Spark job per fit, and the report fits a few dozen trees over
 * at most thousands of rows on the driver after every round; Commons Math has no trees. The tree is stored in
 * flat arrays, built once, immutable after.
 */
final class RegressionTree {
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private int size;

    private RegressionTree(int capacity) {
        feature = new int[capacity];
        threshold = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        value = new double[capacity];
    }

    /**
     * @param x the rows' features, x[row][feature]
     * @param y the targets
     * @param rows the rows to fit on (repeats allowed: a bootstrap sample)
     * @param maxDepth the deepest level, >= 0
     * @param minLeaf the fewest rows in a leaf, >= 1
     * @return the fitted tree
     */
    static RegressionTree fit(double[][] x, double[] y, int[] rows, int maxDepth, int minLeaf) {
        RegressionTree tree = new RegressionTree(2 * rows.length + 1);
        tree.grow(x, y, rows.clone(), 0, rows.length, maxDepth, minLeaf);
        return tree;
    }

    /** @return the prediction for one row */
    double predict(double[] row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    private int grow(double[][] x, double[] y, int[] rows, int from, int to, int depth, int minLeaf) {
        int node = size++;
        double mean = 0.0;
        for (int i = from; i < to; i++) {
            mean += y[rows[i]];
        }
        mean /= to - from;
        value[node] = mean;
        feature[node] = -1;
        Split split = depth == 0 || to - from < 2 * minLeaf ? null : bestSplit(x, y, rows, from, to, minLeaf);
        if (split == null) {
            return node;
        }
        int middle = partition(x, rows, from, to, split);
        feature[node] = split.feature;
        threshold[node] = split.threshold;
        left[node] = grow(x, y, rows, from, middle, depth - 1, minLeaf);
        right[node] = grow(x, y, rows, middle, to, depth - 1, minLeaf);
        return node;
    }

    /** A candidate split and the SSE it leaves. */
    private record Split(int feature, double threshold, double sse) {
    }

    private static Split bestSplit(double[][] x, double[] y, int[] rows, int from, int to, int minLeaf) {
        Split best = null;
        double total = 0.0;
        double totalSquares = 0.0;
        for (int i = from; i < to; i++) {
            total += y[rows[i]];
            totalSquares += y[rows[i]] * y[rows[i]];
        }
        double parent = totalSquares - total * total / (to - from);
        for (int f = 0; f < x[0].length; f++) {
            Split split = bestSplitOn(f, x, y, rows, from, to, minLeaf, total, totalSquares);
            if (split != null && split.sse < parent - 1e-12 * Math.abs(parent) && (best == null
                    || split.sse < best.sse)) {
                best = split;
            }
        }
        return best;
    }

    /** Scans the rows sorted by feature f, keeping running sums of the left part: O(n log n). */
    private static Split bestSplitOn(int f, double[][] x, double[] y, int[] rows, int from, int to, int minLeaf,
                                     double total, double totalSquares) {
        Integer[] sorted = IntStream.range(from, to).map(i -> rows[i]).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(row -> x[row][f]));
        int n = sorted.length;
        double leftSum = 0.0;
        double leftSquares = 0.0;
        Split best = null;
        for (int i = 0; i < n - 1; i++) {
            double yi = y[sorted[i]];
            leftSum += yi;
            leftSquares += yi * yi;
            int leftCount = i + 1;
            double here = x[sorted[i]][f];
            double next = x[sorted[i + 1]][f];
            if (here == next || leftCount < minLeaf || n - leftCount < minLeaf) {
                continue;
            }
            double rightSum = total - leftSum;
            double sse = leftSquares - leftSum * leftSum / leftCount
                    + (totalSquares - leftSquares) - rightSum * rightSum / (n - leftCount);
            if (best == null || sse < best.sse) {
                best = new Split(f, here + (next - here) / 2, sse);
            }
        }
        return best;
    }

    /** Moves rows going left to the front of [from, to); returns the first index of the right part. */
    private static int partition(double[][] x, int[] rows, int from, int to, Split split) {
        int middle = from;
        for (int i = from; i < to; i++) {
            if (x[rows[i]][split.feature] <= split.threshold) {
                int swap = rows[middle];
                rows[middle] = rows[i];
                rows[i] = swap;
                middle++;
            }
        }
        return middle;
    }
}
