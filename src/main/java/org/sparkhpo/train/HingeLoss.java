package org.sparkhpo.train;

/**
 * Hinge loss of a linear SVM with labels y in {0, 1} read as t = 2y - 1 in {-1, +1}:
 * l = max(0, 1 - t s), and the subgradient dl/ds = -t where t s < 1, else 0 (as MLlib's HingeGradient).
 */
public final class HingeLoss implements Loss {
    private static final long serialVersionUID = 1L;

    @Override
    public double gradient(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] gradOut) {
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            double t = 2.0 * labels[labelOffset + r] - 1.0;
            double margin = t * scores[r];
            if (margin < 1.0) {
                total += 1.0 - margin;
                gradOut[r] = -t;
            } else {
                gradOut[r] = 0.0;
            }
        }
        return total;
    }
}
