package org.sparkhpo.train;

import java.io.Serializable;

/**
 * When one training run stops early or fails ({@code hpo.training.patience}, {@code min-delta},
 * {@code divergence-factor}).
 *
 * @param patience epochs without an improvement larger than minDelta before stopping; 0 disables
 * @param minDelta the smallest metric change that counts as an improvement
 * @param divergenceFactor a run fails as exploding when an epoch's mean training loss exceeds this
 *     multiple of the first mini-batch's mean loss (the loss of the initial zero model)
 */
public record StoppingRules(int patience, double minDelta, double divergenceFactor) implements Serializable {
    public StoppingRules {
        if (patience < 0) {
            throw new IllegalArgumentException("patience: " + patience + " must be >= 0");
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("min-delta: " + minDelta + " must be >= 0");
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergence-factor: " + divergenceFactor + " must be > 1");
        }
    }
}
