package org.sparkhpo.train;

import java.util.List;
import org.sparkhpo.data.LabeledData;

/**
 * Scores a data part with a linear model in blocks of {@link #BLOCK_ROWS} rows (one matrix product per
 * block, no copy of the data) and reduces the scores to a metric. Owns its score buffers; one evaluator per
 * data part and trial; one caller at a time (which may lend it a parallel kernel's threads).
 */
public final class ModelEvaluator {
    /** Rows scored per block: large enough for an efficient GEMM, small enough to stay in cache. */
    static final int BLOCK_ROWS = 512;

    private final LabeledData data;
    private final Kernel kernel;
    private final int k;
    private final int d;
    private final double[] scores;
    private final boolean regression;
    private Kernel[] packKernels = new Kernel[0];
    private int packColumns;
    private double[] packWeights;
    private double[][] packScores;

    /**
     * @param data the rows to score
     * @param k scores per row
     * @param regression true when a prediction is the score itself rather than a class
     */
    public ModelEvaluator(LabeledData data, int k, boolean regression) {
        this.data = data;
        this.regression = regression;
        this.kernel = Kernel.of(data.features(), BLOCK_ROWS, k);
        this.k = k;
        this.d = data.features().columns();
        this.scores = new double[Math.min(BLOCK_ROWS, Math.max(1, data.rows())) * k];
    }

    /**
     * @param theta the parameters (weights then biases)
     * @param metric the metric to compute
     * @return the metric over every row
     */
    public double evaluate(double[] theta, Metric metric) {
        double[] sum = new double[2];
        int n = data.rows();
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            kernel.modelScores(from, to, theta, k, d, scores);
            metric.accumulate(scores, data.labels(), from, to - from, k, sum);
        }
        return metric.finish(sum);
    }

    /**
     * The metric of several models at once, with one matrix product per block for all of them, the way a
     * {@link TrainingPack} trains them: S = X_B [W_1; ...; W_K]^T, then each model's bias and metric on its own
     * k columns. Equal to {@link #evaluate} of each model up to the summation order inside BLAS.
     *
     * @param thetas the models' parameters (weights then biases), each of length k * d + k
     * @param metric the metric to compute
     * @return the metric of each model, in the order of {@code thetas}
     */
    public double[] evaluateAll(List<double[]> thetas, Metric metric) {
        return evaluateAll(thetas, metric, null);
    }

    /**
     * {@link #evaluateAll(List, Metric)} with the blocks split into contiguous groups across a parallel kernel's
     * threads (each group its own kernel, scores and sums; the groups' sums added in group order, so the result
     * is deterministic for a given number of threads, and the same as one thread's for counts such as accuracy).
     *
     * @param thetas the models' parameters (weights then biases), each of length k * d + k
     * @param metric the metric to compute
     * @param threads the threads to split the blocks across, or null for this thread alone
     * @return the metric of each model, in the order of {@code thetas}
     */
    double[] evaluateAll(List<double[]> thetas, Metric metric, ParallelKernel threads) {
        int models = thetas.size();
        if (models == 0 || (models == 1 && threads == null)) {
            return models == 0 ? new double[0] : new double[] {evaluate(thetas.get(0), metric)};
        }
        int columns = models * k;
        int groups = threads == null ? 1 : threads.threads();
        ensurePackBuffers(columns, groups);
        for (int m = 0; m < models; m++) {
            System.arraycopy(thetas.get(m), 0, packWeights, m * k * d, k * d);
        }
        double[][][] sums = new double[groups][models][2];
        int blocks = (data.rows() + BLOCK_ROWS - 1) / BLOCK_ROWS;
        if (threads == null) {
            scoreBlocks(0, 0, blocks, thetas, metric, sums[0]);
        } else {
            threads.split(blocks, (g, first, last) -> scoreBlocks(g, first, last, thetas, metric, sums[g]));
        }
        double[] values = new double[models];
        for (int m = 0; m < models; m++) {
            double[] total = new double[2];
            for (double[][] group : sums) {
                total[0] += group[m][0];
                total[1] += group[m][1];
            }
            values[m] = metric.finish(total);
        }
        return values;
    }

    /** Scores blocks [first, last) with group g's kernel and buffer, adding each model's metric to its sum. */
    private void scoreBlocks(int g, int first, int last, List<double[]> thetas, Metric metric, double[][] sums) {
        int columns = thetas.size() * k;
        double[] out = packScores[g];
        for (int block = first; block < last; block++) {
            int from = block * BLOCK_ROWS;
            int to = Math.min(data.rows(), from + BLOCK_ROWS);
            packKernels[g].scores(from, to, packWeights, columns, out);
            for (int m = 0; m < thetas.size(); m++) {
                Kernel.addBias(thetas.get(m), k, d, out, to - from, columns, m * k);
                metric.accumulate(out, columns, m * k, data.labels(), from, to - from, k, sums[m]);
            }
        }
    }

    /**
     * The groups' kernels and buffers, grown to {@code columns} score columns and {@code groups} groups when a
     * wider pack or more threads come.
     */
    private void ensurePackBuffers(int columns, int groups) {
        if (columns > packColumns || groups > packKernels.length) {
            packColumns = Math.max(columns, packColumns);
            packWeights = new double[packColumns * d];
            int count = Math.max(groups, packKernels.length);
            packKernels = new Kernel[count];
            packScores = new double[count][];
            for (int g = 0; g < count; g++) {
                packKernels[g] = Kernel.of(data.features(), BLOCK_ROWS, packColumns);
                packScores[g] = new double[Math.min(BLOCK_ROWS, Math.max(1, data.rows())) * packColumns];
            }
        }
    }

    /**
     * Predicts every row (scores then the class or value), the work a deployed model does.
     *
     * @param theta the parameters
     * @param predictionsOut receives one prediction per row
     */
    public void predict(double[] theta, double[] predictionsOut) {
        int n = data.rows();
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            kernel.modelScores(from, to, theta, k, d, scores);
            for (int r = 0; r < to - from; r++) {
                predictionsOut[from + r] = regression ? scores[r]
                        : Metric.predictedClass(scores, r * k, k);
            }
        }
    }
}
