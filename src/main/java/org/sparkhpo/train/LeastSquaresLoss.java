package org.sparkhpo.train;

/** Least-squares loss for regression: l = (s - y)^2 / 2, dl/ds = s - y. */
public final class LeastSquaresLoss implements Loss {
    private static final long serialVersionUID = 1L;

    @Override
    public double gradient(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] gradOut) {
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            double residual = scores[r] - labels[labelOffset + r];
            total += 0.5 * residual * residual;
            gradOut[r] = residual;
        }
        return total;
    }
}
