package org.sparkhpo.train;

import java.util.Random;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.data.Task;

/** Small seeded data sets with known solutions, for the trainer and trial tests. */
public final class GeneratedData {
    private GeneratedData() {
    }

    /** @return standard-normal rows x d features, row-major */
    public static double[] gaussian(int rows, int d, Random random) {
        double[] x = new double[rows * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** @return y = w.x + b exactly (no noise) on standard-normal features */
    public static LabeledData linear(int rows, double[] weights, double bias, long seed) {
        int d = weights.length;
        double[] x = gaussian(rows, d, new Random(seed));
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = bias + dot(x, r * d, weights);
        }
        return new LabeledData(new DenseFeatures(x, rows, d), y);
    }

    /**
     * @return labels [w.x + b > 0] on standard-normal features, keeping only rows at least {@code margin}
     *     from the separating plane (so the classes are linearly separable with a margin)
     */
    public static LabeledData separable(int rows, double[] weights, double bias, double margin, long seed) {
        int d = weights.length;
        Random random = new Random(seed);
        double[] x = new double[rows * d];
        double[] y = new double[rows];
        int r = 0;
        while (r < rows) {
            double[] row = gaussian(1, d, random);
            double s = bias + dot(row, 0, weights);
            if (Math.abs(s) >= margin) {
                System.arraycopy(row, 0, x, r * d, d);
                y[r] = s > 0 ? 1 : 0;
                r++;
            }
        }
        return new LabeledData(new DenseFeatures(x, rows, d), y);
    }

    /** @return unit-variance Gaussian clusters in 2 dimensions around the given centers, label = cluster */
    public static LabeledData clusters(int rows, double[][] centers, long seed) {
        Random random = new Random(seed);
        double[] x = new double[rows * 2];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            int c = r % centers.length;
            x[2 * r] = centers[c][0] + random.nextGaussian();
            x[2 * r + 1] = centers[c][1] + random.nextGaussian();
            y[r] = c;
        }
        return new LabeledData(new DenseFeatures(x, rows, 2), y);
    }

    /** @return the same rows in CSR form (zeros not stored) */
    public static LabeledData toSparse(LabeledData dense) {
        DenseFeatures f = (DenseFeatures) dense.features();
        int rows = f.rows();
        int d = f.columns();
        int[] rowStart = new int[rows + 1];
        int nonZeros = 0;
        for (double v : f.values()) {
            nonZeros += v != 0.0 ? 1 : 0;
        }
        int[] columns = new int[nonZeros];
        double[] values = new double[nonZeros];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < d; c++) {
                double v = f.values()[r * d + c];
                if (v != 0.0) {
                    columns[p] = c;
                    values[p++] = v;
                }
            }
            rowStart[r + 1] = p;
        }
        return new LabeledData(new SparseFeatures(rowStart, columns, values, d), dense.labels().clone());
    }

    /** @return a copy of {@code data} with every feature whose random draw is below {@code share} set to 0 */
    public static LabeledData withZeros(LabeledData data, double share, long seed) {
        DenseFeatures f = (DenseFeatures) data.features();
        double[] x = f.values().clone();
        Random random = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            if (random.nextDouble() < share) {
                x[i] = 0.0;
            }
        }
        return new LabeledData(new DenseFeatures(x, f.rows(), f.columns()), data.labels().clone());
    }

    private static double dot(double[] x, int offset, double[] w) {
        double s = 0.0;
        for (int c = 0; c < w.length; c++) {
            s += x[offset + c] * w[c];
        }
        return s;
    }

    /**
     * Gaussian clusters: class c centred at 3 * e_(c mod d) with unit noise.
     *
     * @param rows number of rows
     * @param features number of features
     * @param classes number of classes
     * @param seed seed
     * @return the labeled rows
     */
    public static LabeledData axisClusters(int rows, int features, int classes, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows * features];
        double[] labels = new double[rows];
        for (int r = 0; r < rows; r++) {
            int label = r % classes;
            labels[r] = label;
            for (int c = 0; c < features; c++) {
                values[r * features + c] = random.nextGaussian() + (c == label % features ? 3.0 : 0.0);
            }
        }
        return new LabeledData(new DenseFeatures(values, rows, features), labels);
    }

    /** @return prepared multiclass data: cluster train and validation parts, no test part */
    public static PreparedData preparedClusters(int trainRows, int validationRows, int features, int classes,
                                                long seed) {
        return new PreparedData(axisClusters(trainRows, features, classes, seed),
                axisClusters(validationRows, features, classes, seed + 1), null, Task.MULTICLASS, classes, null);
    }
}
