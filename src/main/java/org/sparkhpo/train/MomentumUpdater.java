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
 * both forms, and the model is phi.
 *
 * <p>L1, by the cumulative penalty of Tsuruoka, Tsujii and Ananiadou ("Stochastic gradient descent training
 * for L1-regularized log-linear models with cumulative penalty", ACL 2009). The plain proximal step
 * w &lt;- sign(w) max(|w| - eta_t lambda1, 0) (Duchi and Singer 2009) zeroes a weight only when a single noisy
 * step leaves it within eta_t lambda1 of zero, so stochastic gradients keep kicking small weights back out
 * and the model stays far less sparse than the L1 optimum. The cumulative penalty instead clips each weight by
 * the penalty it should have received in total, u = sum_t eta_t lambda1, less what it did receive, q_i:
 * <pre>
 *   u &lt;- u + eta_t lambda1
 *   w_i &gt; 0:  w_i &lt;- max(0, w_i - (u + q_i))        w_i &lt; 0:  w_i &lt;- min(0, w_i + (u - q_i))
 *   q_i &lt;- q_i + (w_i after - w_i before)
 * </pre>
 * u and q are part of a run's resumable state ({@link TrainingState}).
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
    private final double[] l1Applied;
    private double l1Total;

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
        this.l1Applied = new double[l1 > 0 ? numWeights : 0];
    }

    /** @return u of the cumulative L1 penalty: the total penalty per weight so far */
    public double l1Total() {
        return l1Total;
    }

    /** @return q of the cumulative L1 penalty (empty without L1); owned by the updater */
    public double[] l1Applied() {
        return l1Applied;
    }

    /**
     * Puts the cumulative L1 penalty back where a checkpointed run left it.
     *
     * @param total u
     * @param applied q, one entry per weight, or empty (a run without L1, or from before the cumulative penalty:
     *     it restarts from q = 0 at u = {@code total})
     */
    public void restoreL1(double total, double[] applied) {
        if (applied.length != 0 && applied.length != l1Applied.length) {
            throw new IllegalArgumentException("L1 state: " + applied.length + " penalties for " + l1Applied.length
                    + " weights");
        }
        l1Total = l1Applied.length == 0 ? 0.0 : total;
        System.arraycopy(applied, 0, l1Applied, 0, applied.length);
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
        step(theta, gradient, 0, gradient, numWeights, eta);
    }

    /**
     * Takes one step with the weight and bias gradients read where they lie (a pack's weight gradient holds
     * every member's rows; no copy). The weights' loop carries no branch, so the JIT vectorizes it.
     *
     * @param theta the parameters, updated in place
     * @param weightGradient holds the weights' gradient from {@code weightOffset} on (read only)
     * @param weightOffset where it starts
     * @param biasGradient holds the biases' gradient from {@code biasOffset} on (read only)
     * @param biasOffset where it starts
     * @param eta the step size of this step
     */
    public void step(double[] theta, double[] weightGradient, int weightOffset, double[] biasGradient,
                     int biasOffset, double eta) {
        if (nesterov) {
            for (int i = 0; i < numWeights; i++) {
                double g = weightGradient[weightOffset + i] + l2 * theta[i];
                double v = momentum * velocity[i] - eta * g;
                velocity[i] = v;
                theta[i] += momentum * v - eta * g;
            }
        } else {
            for (int i = 0; i < numWeights; i++) {
                double g = weightGradient[weightOffset + i] + l2 * theta[i];
                double v = momentum * velocity[i] - eta * g;
                velocity[i] = v;
                theta[i] += v;
            }
        }
        for (int i = numWeights; i < theta.length; i++) {
            double g = biasGradient[biasOffset + i - numWeights];
            double v = momentum * velocity[i] - eta * g;
            velocity[i] = v;
            theta[i] += nesterov ? momentum * v - eta * g : v;
        }
        if (l1 > 0) {
            applyCumulativeL1(theta, eta);
        }
    }

    /** The clipping of Tsuruoka et al. (class doc) after the step. */
    private void applyCumulativeL1(double[] theta, double eta) {
        l1Total += eta * l1;
        for (int i = 0; i < numWeights; i++) {
            double w = theta[i];
            if (w > 0.0) {
                theta[i] = Math.max(0.0, w - (l1Total + l1Applied[i]));
            } else if (w < 0.0) {
                theta[i] = Math.min(0.0, w + (l1Total - l1Applied[i]));
            }
            l1Applied[i] += theta[i] - w;
        }
    }
}
