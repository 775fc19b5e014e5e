package org.sparkhpo.data;

import java.util.Objects;

/**
 * Labels after {@link Labels} has checked and encoded them for a {@link Task}.
 *
 * @param labels one label per row: a class index 0..numClasses-1 for classification, the target for
 *     regression; owned by this record from now on
 * @param numClasses 2 for binary, k for multiclass, 1 for regression
 */
public record EncodedLabels(double[] labels, int numClasses) {
    public EncodedLabels {
        Objects.requireNonNull(labels, "labels");
        if (numClasses < 1) {
            throw new IllegalArgumentException("encoded labels: numClasses " + numClasses + " must be >= 1");
        }
    }
}
