package org.sparkhpo.strategy.baseline;

/**
 * What the theory strategy estimated about the training loss f(theta) = mean loss + (l2 / 2) ||w||^2, and the
 * step sizes and momenta derived from it ({@link MomentumFormulas}). Immutable.
 *
 * @param curvature c, the bound on the loss's second derivative in the score (1/4 logistic, 1/2 softmax,
 *     1 least squares, 1/4 for hinge as for its logistic surrogate)
 * @param lambdaMax the largest eigenvalue of X~^T X~ / n (X~ the features with a column of ones for the bias)
 * @param lambdaMin the smallest eigenvalue of X~^T X~ / n (least squares only; NaN otherwise)
 * @param l2 the L2 penalty lambda2 of {@code hpo.training.l2}
 * @param smoothness L = c lambdaMax + l2
 * @param strongConvexity mu: l2, or lambdaMin + l2 for least squares, at least L / {@link MomentumFormulas#MAX_KAPPA}
 */
public record SmoothnessEstimate(double curvature, double lambdaMax, double lambdaMin, double l2, double smoothness,
                                 double strongConvexity) {
    public SmoothnessEstimate {
        if (!(smoothness > 0) || !(strongConvexity > 0) || strongConvexity > smoothness) {
            throw new IllegalArgumentException("theory: need 0 < mu (" + strongConvexity + ") <= L (" + smoothness
                    + ")");
        }
    }

    /** @return the condition number kappa = L / mu */
    public double kappa() {
        return smoothness / strongConvexity;
    }
}
