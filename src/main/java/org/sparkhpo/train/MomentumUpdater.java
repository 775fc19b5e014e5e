package org.sparkhpo.train;

/**
 * Momentum SGD with L2 and L1 penalties on the weights (never the biases). With g = grad f(theta) +
 * lambda2 w, step size eta_t and momentum beta:
 *
 * <pre>
 *   heavy ball (Polyak 1964):           v &lt;- beta v - eta_t g(theta);  theta &lt;- theta + v
 *   Nesterov (Sutskever et al. 2013):   v &lt;- beta v - eta_t g(theta + beta v);  theta &lt;- theta + v
 * </pre>
 *
 * Nesterov is implemented in the look-ahead form of Bengio, Boulanger-Lewandowski and Pascanu ("Advances
 * in optimizing recurrent networks", ICASSP 2013): the stored parameters are phi = theta + beta v, the
 * gradient is taken at phi, and phi &lt;- phi + beta v_new - eta_t g(phi). So one gradient per step serves
 * both forms, and the model is phi. After the step, the L1 proximal operator
 * w &lt;- sign(w) max(|w| - eta_t lambda1, 0) is applied to the weights (Duchi and Singer 2009).
 *
 * <p>Lifecycle: one updater per training run, owning the velocity v; not thread-safe.
 */
public final class MomentumUpdater {
    private final double momentum;
    private final boolean nesterov;
    private final double l2;
    private final double l1;
    private final int numWeights;
    private final double[] velocity;

    /**
     * @param hyperParameters momentum, Nesterov, lambda2 and lambda1
     * @param numWeights how many leading entries of theta are penalized weights (k * d)
     * @param numParameters total length of theta (weights and biases)
     */
    public MomentumUpdater(HyperParameters hyperParameters, int numWeights, int numParameters) {
        this.momentum = hyperParameters.momentum();
        this.nesterov = hyperParameters.nesterov();
        this.l2 = hyperParameters.l2();
        this.l1 = hyperParameters.l1();
        this.numWeights = numWeights;
        this.velocity = new double[numParameters];
    }

    /** @return the velocity v; owned by the updater, exposed for checkpoints and tests */
    public double[] velocity() {
        return velocity;
    }

    /**
     * Takes one step.
     *
     * @param theta the parameters, updated in place
     * @param gradient the loss gradient at theta without penalties (read only)
     * @param eta the step size of this step
     */
    public void step(double[] theta, double[] gradient, double eta) {
        for (int i = 0; i < theta.length; i++) {
            double g = i < numWeights ? gradient[i] + l2 * theta[i] : gradient[i];
            double v = momentum * velocity[i] - eta * g;
            velocity[i] = v;
            theta[i] += nesterov ? momentum * v - eta * g : v;
        }
        if (l1 > 0) {
            double threshold = eta * l1;
            for (int i = 0; i < numWeights; i++) {
                double w = theta[i];
                theta[i] = Math.signum(w) * Math.max(Math.abs(w) - threshold, 0.0);
            }
        }
    }
}
