package org.sparkhpo.data;

import java.io.Serializable;
import java.util.Objects;

/**
 * Features with one label per row. For classification a label is a class index 0..k-1 stored as a
 * double; for regression it is the target value.
 *
 * @param features the feature matrix
 * @param labels one label per row
 */
public record LabeledData(Features features, double[] labels) implements Serializable {
    public LabeledData {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException(
                    "labeled data: " + labels.length + " labels for " + features.rows() + " rows");
        }
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return a new data set holding the given rows, in the given order */
    public LabeledData selectRows(int[] rowIndices) {
        double[] picked = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            picked[i] = labels[rowIndices[i]];
        }
        return new LabeledData(features.selectRows(rowIndices), picked);
    }
}
