package org.sparkhpo.train;

import java.util.Objects;

/**
 * One model of a pack ({@link SgdTrainer#trainPack}): its hyperparameters, where it starts and how far it
 * goes.
 *
 * @param hyperParameters the model's step size, momentum, penalties and schedule (every member of a pack has
 *     the same batch size)
 * @param start the state to continue, {@link TrainingState#initial} for a fresh run (every member of a pack
 *     starts at the same epoch, since the epoch chooses the data order)
 * @param targetEpochs the epoch count to reach, in [start.epochsDone(), budget]
 */
public record PackMember(HyperParameters hyperParameters, TrainingState start, int targetEpochs) {
    public PackMember {
        Objects.requireNonNull(hyperParameters, "hyperParameters");
        Objects.requireNonNull(start, "start");
        if (targetEpochs < start.epochsDone() || targetEpochs > hyperParameters.epochs()) {
            throw new IllegalArgumentException("target epochs: " + targetEpochs + " must be in ["
                    + start.epochsDone() + ", " + hyperParameters.epochs() + "]");
        }
    }
}
