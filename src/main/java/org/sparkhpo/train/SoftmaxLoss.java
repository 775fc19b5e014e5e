package org.sparkhpo.train;

/**
 * Multinomial logistic (softmax cross-entropy) loss: p_j = exp(s_j) / sum_i exp(s_i),
 * l = -log p_y = log sum_i exp(s_i) - s_y, dl/ds_j = p_j - [j = y]. Computed with the maximum score
 * subtracted, so large scores do not overflow.
 */
public final class SoftmaxLoss implements Loss {
    private static final long serialVersionUID = 1L;

    @Override
    public int outputs(int numClasses) {
        return numClasses;
    }

    @Override
    public double gradient(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] gradOut) {
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, scores[base + j]);
            }
            int y = (int) labels[labelOffset + r];
            // Read s_y before the loop below overwrites it when gradOut is scores.
            double labelScore = scores[base + y];
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(scores[base + j] - max);
                gradOut[base + j] = e;
                sum += e;
            }
            total += Math.log(sum) + max - labelScore;
            double inverse = 1.0 / sum;
            for (int j = 0; j < k; j++) {
                gradOut[base + j] *= inverse;
            }
            gradOut[base + y] -= 1.0;
        }
        return total;
    }
}
