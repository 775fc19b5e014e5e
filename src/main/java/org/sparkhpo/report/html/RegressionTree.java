package org.sparkhpo.report.html;

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

    /** A candidate split and the SSE it leaves. */
    private record Split(int feature, double threshold, double sse) {
    }

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
        new Builder(x, y, rows, minLeaf).grow(tree, 0, rows.length, maxDepth);
        return tree;
    }

    /**
     * The rows sorted once per feature (positions into {@code rows}); a node owns the same range [from, to) of
     * every feature's order, and a split partitions each range stably, so no node sorts again: O(n p) per
     * level after an O(p n log n) start.
     */
    private static final class Builder {
        private final double[][] values;
        private final double[] targets;
        private final int[][] order;
        private final boolean[] left;
        private final int[] buffer;
        private final int minLeaf;

        Builder(double[][] x, double[] y, int[] rows, int minLeaf) {
            int n = rows.length;
            int features = x[0].length;
            this.values = new double[features][n];
            this.targets = new double[n];
            this.order = new int[features][];
            for (int p = 0; p < n; p++) {
                targets[p] = y[rows[p]];
                for (int f = 0; f < features; f++) {
                    values[f][p] = x[rows[p]][f];
                }
            }
            for (int f = 0; f < features; f++) {
                double[] column = values[f];
                order[f] = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(p -> column[p]))
                        .mapToInt(Integer::intValue).toArray();
            }
            this.left = new boolean[n];
            this.buffer = new int[n];
            this.minLeaf = minLeaf;
        }

        int grow(RegressionTree tree, int from, int to, int depth) {
            int node = tree.size++;
            double sum = 0.0;
            double squares = 0.0;
            for (int i = from; i < to; i++) {
                double t = targets[order[0][i]];
                sum += t;
                squares += t * t;
            }
            tree.value[node] = sum / (to - from);
            tree.feature[node] = -1;
            Split split = depth == 0 || to - from < 2 * minLeaf ? null : bestSplit(from, to, sum, squares);
            if (split == null) {
                return node;
            }
            int middle = partition(from, to, split);
            tree.feature[node] = split.feature;
            tree.threshold[node] = split.threshold;
            tree.left[node] = grow(tree, from, middle, depth - 1);
            tree.right[node] = grow(tree, middle, to, depth - 1);
            return node;
        }

        private Split bestSplit(int from, int to, double total, double totalSquares) {
            double parent = totalSquares - total * total / (to - from);
            Split best = null;
            for (int f = 0; f < order.length; f++) {
                Split split = bestSplitOn(f, from, to, total, totalSquares);
                if (split != null && split.sse < parent - 1e-12 * Math.abs(parent)
                        && (best == null || split.sse < best.sse)) {
                    best = split;
                }
            }
            return best;
        }

        /** Scans the node's rows in feature f's order, keeping running sums of the left part. */
        private Split bestSplitOn(int f, int from, int to, double total, double totalSquares) {
            int[] sorted = order[f];
            double[] column = values[f];
            int n = to - from;
            double leftSum = 0.0;
            double leftSquares = 0.0;
            Split best = null;
            for (int i = from; i < to - 1; i++) {
                double t = targets[sorted[i]];
                leftSum += t;
                leftSquares += t * t;
                int leftCount = i - from + 1;
                double here = column[sorted[i]];
                double next = column[sorted[i + 1]];
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

        /** Stably moves the rows going left to the front of [from, to) in every feature's order. */
        private int partition(int from, int to, Split split) {
            double[] column = values[split.feature];
            int leftCount = 0;
            for (int i = from; i < to; i++) {
                int p = order[0][i];
                left[p] = column[p] <= split.threshold;
                leftCount += left[p] ? 1 : 0;
            }
            for (int[] sorted : order) {
                int l = from;
                int r = 0;
                for (int i = from; i < to; i++) {
                    if (left[sorted[i]]) {
                        sorted[l++] = sorted[i];
                    } else {
                        buffer[r++] = sorted[i];
                    }
                }
                System.arraycopy(buffer, 0, sorted, l, r);
            }
            return from + leftCount;
        }
    }

    /** @return the prediction for one row */
    double predict(double[] row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

}
