package org.sparkhpo.train;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * The validation metrics a user can optimize ({@code hpo.metric.name}). Scores are those of a linear
 * model: k class scores for softmax, one score otherwise (a logit for logistic, a margin for hinge, the
 * prediction for least squares).
 *
 * <ul>
 *   <li>accuracy: the share of rows whose predicted class (argmax, or score > 0 for one score) is the label;
 *       higher is better</li>
 *   <li>log-loss: mean -log p(label), with p from softmax or the logistic sigmoid; lower is better</li>
 *   <li>rmse: sqrt(mean (s - y)^2); lower is better</li>
 *   <li>function-value: not a model metric but the value of a known-optimum function ({@code hpo.objective},
 *       package {@code org.sparkhpo.objective}) that stands in for training; lower is better</li>
 * </ul>
 */
public enum Metric implements ConfigNamed {
    ACCURACY("accuracy", true),
    LOG_LOSS("log-loss", false),
    RMSE("rmse", false),
    FUNCTION_VALUE("function-value", false);

    /** Probabilities are clipped to [EPSILON, 1] in log-loss, as scikit-learn's log_loss does. */
    private static final double EPSILON = 1e-15;

    private final String configName;
    private final boolean higherIsBetter;

    Metric(String configName, boolean higherIsBetter) {
        this.configName = configName;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the name used in configuration files and outputs */
    @Override
    public String configName() {
        return configName;
    }

    /** @return true when larger values are better (the direction of the optimization) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return true when {@code candidate} is strictly better than {@code incumbent} (NaN is never better) */
    public boolean isBetter(double candidate, double incumbent) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return higherIsBetter ? candidate > incumbent : candidate < incumbent;
    }

    /** @return the metric called {@code name} in configuration files, if any */
    public static Optional<Metric> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }

    /**
     * Adds the contribution of a block of rows to a running sum ({@code sum[0]} total, {@code sum[1]} rows).
     *
     * @param scores row-major rows x k scores
     * @param labels labels, row r's at {@code labels[labelOffset + r]}
     * @param labelOffset where row 0's label is
     * @param rows number of rows
     * @param k scores per row
     * @param sum the running sum, updated
     */
    public void accumulate(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] sum) {
        accumulate(scores, k, 0, labels, labelOffset, rows, k, sum);
    }

    /**
     * As {@link #accumulate(double[], double[], int, int, int, double[])}, for one model's k columns of scores
     * laid side by side with other models' ({@code ModelEvaluator#evaluateAll}): row r's scores start at
     * {@code scores[r * stride + offset]}.
     *
     * @param scores row-major rows x stride scores
     * @param stride scores per row of {@code scores}
     * @param offset this model's first column
     * @param labels labels, row r's at {@code labels[labelOffset + r]}
     * @param labelOffset where row 0's label is
     * @param rows number of rows
     * @param k this model's scores per row
     * @param sum the running sum, updated
     */
    public void accumulate(double[] scores, int stride, int offset, double[] labels, int labelOffset, int rows, int k,
                           double[] sum) {
        for (int r = 0; r < rows; r++) {
            sum[0] += rowValue(scores, r * stride + offset, k, labels[labelOffset + r]);
        }
        sum[1] += rows;
    }

    /** @return the metric of a running sum built by {@link #accumulate} */
    public double finish(double[] sum) {
        double mean = sum[0] / sum[1];
        return this == RMSE ? Math.sqrt(mean) : mean;
    }

    private double rowValue(double[] scores, int base, int k, double label) {
        return switch (this) {
            case ACCURACY -> predictedClass(scores, base, k) == (int) label ? 1.0 : 0.0;
            case LOG_LOSS -> -Math.log(Math.max(EPSILON, probabilityOf(scores, base, k, (int) label)));
            case RMSE -> (scores[base] - label) * (scores[base] - label);
            case FUNCTION_VALUE -> throw new IllegalStateException("function-value is not a metric of a model");
        };
    }

    /** @return argmax of the k scores, or (score > 0 ? 1 : 0) for one score */
    public static int predictedClass(double[] scores, int base, int k) {
        if (k == 1) {
            return scores[base] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (scores[base + j] > scores[base + best]) {
                best = j;
            }
        }
        return best;
    }

    private static double probabilityOf(double[] scores, int base, int k, int label) {
        if (k == 1) {
            double p = LogisticLoss.sigmoid(scores[base]);
            return label == 1 ? p : 1.0 - p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, scores[base + j]);
        }
        double sum = 0.0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(scores[base + j] - max);
        }
        return Math.exp(scores[base + label] - max) / sum;
    }
}
