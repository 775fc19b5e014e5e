package org.sparkhpo.data;

import java.io.Serializable;

/**
 * Centering and scaling of a least-squares target, fitted on the training part: y' = (y - mean) / scale.
 * Training on y' makes the step size that suits the features suit every target range (a target in the
 * thousands would otherwise need a step size a million times smaller, or the bias alone would take the
 * whole budget to reach the mean). A model trained on y' predicts y = scale * (w'x + b') + mean, so
 * {@link #toRawWeights} multiplies the weights by {@code scale} and maps the bias to scale * b' + mean, and
 * an RMSE measured on y' is {@code scale} times smaller than in the target's units ({@link #rmseInTargetUnits}).
 *
 * @param mean the training targets' mean
 * @param scale the training targets' standard deviation (1 when it is 0)
 */
public record TargetScaling(double mean, double scale) implements Serializable {

    public TargetScaling {
        if (!Double.isFinite(mean) || !(scale > 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("target scaling: mean " + mean + " and scale " + scale
                    + " must be finite, scale > 0");
        }
    }

    /**
     * @param targets the training targets
     * @return their mean and standard deviation (1 for a constant target)
     */
    public static TargetScaling fit(double[] targets) {
        int n = Math.max(1, targets.length);
        double mean = 0.0;
        for (double y : targets) {
            mean += y;
        }
        mean /= n;
        double squares = 0.0;
        for (double y : targets) {
            squares += (y - mean) * (y - mean);
        }
        double sd = Math.sqrt(squares / n);
        return new TargetScaling(mean, sd > 1e-12 ? sd : 1.0);
    }

    /**
     * @param part rows with targets in their own units
     * @return the same rows with targets (y - mean) / scale
     */
    public LabeledData apply(LabeledData part) {
        double[] scaled = new double[part.rows()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (part.labels()[i] - mean) / scale;
        }
        return new LabeledData(part.features(), scaled);
    }

    /**
     * @param rmse a root mean squared error on scaled targets
     * @return the same error in the target's units
     */
    public double rmseInTargetUnits(double rmse) {
        return rmse * scale;
    }

    /**
     * Turns the parameters of a model of y' into those of a model of y, in place.
     *
     * @param weights the weights, multiplied by scale
     * @param bias one bias, mapped to scale * b + mean
     */
    public void toRawWeights(double[] weights, double[] bias) {
        for (int j = 0; j < weights.length; j++) {
            weights[j] *= scale;
        }
        for (int k = 0; k < bias.length; k++) {
            bias[k] = bias[k] * scale + mean;
        }
    }
}
