package org.sparkhpo.train;

import java.io.Serializable;

/**
 * A loss of a linear model, seen through its scores: for a row with scores s (k of them) and label y it
 * gives l(s, y) and the derivative dl/ds. The kernel turns dl/ds into weight gradients with one matrix
 * product, so a loss never touches features. Stateless and immutable.
 */
public interface Loss extends Serializable {
    /**
     * @param numClasses number of classes (2 for binary, 1 for regression)
     * @return the number of scores per row (k): numClasses for softmax, 1 (the default) otherwise
     */
    default int outputs(int numClasses) {
        return 1;
    }

    /**
     * Computes the per-row loss and its derivative with respect to the scores.
     *
     * @param scores row-major rows x k scores
     * @param labels labels; row r's label is {@code labels[labelOffset + r]}
     * @param labelOffset where row 0's label is
     * @param rows number of rows
     * @param k scores per row
     * @param gradOut receives dl/ds, row-major rows x k (may be the same array as {@code scores})
     * @return the sum of the rows' losses
     */
    double gradient(double[] scores, double[] labels, int labelOffset, int rows, int k, double[] gradOut);
}
