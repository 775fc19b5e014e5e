package org.sparkhpo.data;

import java.util.Objects;

/**
 * A data set split in two by {@link StratifiedSplit}.
 *
 * @param train the rows kept for training, in their original order
 * @param validation the rows held out, in their original order
 */
public record DataSplit(LabeledData train, LabeledData validation) {
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }
}
