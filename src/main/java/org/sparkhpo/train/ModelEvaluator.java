package org.sparkhpo.train;

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
