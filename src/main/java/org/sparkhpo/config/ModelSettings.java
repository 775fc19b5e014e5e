package org.sparkhpo.config;

import org.sparkhpo.train.LossType;

/**
 * The model family ({@code hpo.model}).
 *
 * @param loss the loss
 * @param numClasses softmax: number of classes, 0 to infer from the training labels
 */
public record ModelSettings(LossType loss, int numClasses) {
}
