package org.sparkhpo.strategy.baseline;

/**
 * Step size alpha and momentum beta from the smoothness L and strong convexity mu of the objective, kappa = L / mu:
 *
 * <pre>
 *   heavy ball (Polyak, "Some methods of speeding up the convergence of iteration methods", 1964; optimal on
 *   quadratics):  alpha = 4 / (sqrt(L) + sqrt(mu))^2,  beta = ((sqrt(kappa) - 1) / (sqrt(kappa) + 1))^2
 *   Nesterov (Nesterov, "Introductory Lectures on Convex Optimization", 2004, constant step scheme for strongly
 *   convex functions):  alpha = 1 / L,  beta = (sqrt(kappa) - 1) / (sqrt(kappa) + 1)
 * </pre>
 *
 * Our trainer's momentum (v &lt;- beta v - alpha g, theta &lt;- theta + v) is exactly these iterations with
 * alpha as the learning rate, so the values are used as they are.
 */
public final class MomentumFormulas {
    /**
     * The largest condition number used: mu is raised to at least L / MAX_KAPPA, so that beta stays below 1
     * (the momentum rule is [0, 1)) when l2 = 0 leaves the loss without strong convexity.
     */
    public static final double MAX_KAPPA = 1e6;

    private MomentumFormulas() {
    }

    /** A step size and a momentum. @param alpha the step size @param beta the momentum */
    public record StepAndMomentum(double alpha, double beta) {
    }

    /** @return Polyak's heavy-ball step size and momentum for L and mu */
    public static StepAndMomentum heavyBall(double smoothness, double strongConvexity) {
        double rootKappa = Math.sqrt(smoothness / strongConvexity);
        double root = Math.sqrt(smoothness) + Math.sqrt(strongConvexity);
        double ratio = (rootKappa - 1) / (rootKappa + 1);
        return new StepAndMomentum(4.0 / (root * root), ratio * ratio);
    }

    /** @return Nesterov's step size and momentum for L and mu */
    public static StepAndMomentum nesterov(double smoothness, double strongConvexity) {
        double rootKappa = Math.sqrt(smoothness / strongConvexity);
        return new StepAndMomentum(1.0 / smoothness, (rootKappa - 1) / (rootKappa + 1));
    }
}
