package org.sparkhpo.data;

/** What the labels mean, which decides how they are checked and encoded. */
public enum Task {
    /** Two classes; labels 0/1 or -1/+1 in the files, encoded as 0/1. */
    BINARY,
    /** k classes; labels are the integers 0..k-1. */
    MULTICLASS,
    /** Real-valued target. */
    REGRESSION;

    /** @return true for the two classification tasks */
    public boolean isClassification() {
        return this != REGRESSION;
    }
}
