package org.sparkhpo.train;

import java.util.List;
import org.sparkhpo.data.LabeledData;

/**
 * Scores a data part with a linear model in blocks of {@link #BLOCK_ROWS} rows (one matrix product per
 * block, no copy of the data) and reduces the scores to a metric. Owns its score buffer; one evaluator per
 * data part and trial; not thread-safe.
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
    private Kernel packKernel;
    private int packColumns;
    private double[] packWeights;
    private double[] packScores;

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
        int models = thetas.size();
        if (models <= 1) {
            return models == 0 ? new double[0] : new double[] {evaluate(thetas.get(0), metric)};
        }
        int columns = models * k;
        ensurePackBuffers(columns);
        for (int m = 0; m < models; m++) {
            System.arraycopy(thetas.get(m), 0, packWeights, m * k * d, k * d);
        }
        double[][] sums = new double[models][2];
        int n = data.rows();
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            packKernel.scores(from, to, packWeights, columns, packScores);
            for (int m = 0; m < models; m++) {
                Kernel.addBias(thetas.get(m), k, d, packScores, to - from, columns, m * k);
                metric.accumulate(packScores, columns, m * k, data.labels(), from, to - from, k, sums[m]);
            }
        }
        double[] values = new double[models];
        for (int m = 0; m < models; m++) {
            values[m] = metric.finish(sums[m]);
        }
        return values;
    }

    /** The pack's kernel and buffers, grown to {@code columns} score columns when a wider pack comes. */
    private void ensurePackBuffers(int columns) {
        if (columns > packColumns) {
            packColumns = columns;
            packKernel = Kernel.of(data.features(), BLOCK_ROWS, columns);
            packWeights = new double[columns * d];
            packScores = new double[Math.min(BLOCK_ROWS, Math.max(1, data.rows())) * columns];
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
