package org.sparkhpo.train;

/**
 * Binary logistic loss with labels y in {0, 1}: l = log(1 + exp(s)) - y s, dl/ds = sigma(s) - y.
 * log(1 + exp(s)) is computed as max(s, 0) + log1p(exp(-|s|)) so it never overflows.
 */
public final class LogisticLoss implements Loss {
    private static final long serialVersionUID = 1L;

    @Override
    public double gradient(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] gradOut) {
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            double s = scores[r];
            double y = labels[labelOffset + r];
            total += Math.max(s, 0.0) + Math.log1p(Math.exp(-Math.abs(s))) - y * s;
            gradOut[r] = sigmoid(s) - y;
        }
        return total;
    }

    /** @return 1 / (1 + exp(-s)), computed without overflow */
    static double sigmoid(double s) {
        if (s >= 0) {
            return 1.0 / (1.0 + Math.exp(-s));
        }
        double e = Math.exp(s);
        return e / (1.0 + e);
    }
}
