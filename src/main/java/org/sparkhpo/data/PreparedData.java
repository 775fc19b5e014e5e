package org.sparkhpo.data;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of one job after reading, splitting and standardizing: what the driver broadcasts once and
 * every trial trains on. Immutable; built on the driver by {@link DataPreparer}.
 *
 * @param train the training part (standardized when {@code standardizer} is present)
 * @param validation the validation part, transformed like {@code train}
 * @param test the test part, transformed like {@code train}, or null when no test file was given
 * @param task what the labels mean
 * @param numClasses number of classes for classification (2 for binary), 1 for regression
 * @param standardizer the transform fitted on the training part, or null when features are raw
 * @param targetScaling least squares: the centering and scaling of the targets of every part (fitted on the
 *     training part), or null when targets are in their own units
 */
public record PreparedData(
        LabeledData train,
        LabeledData validation,
        LabeledData test,
        Task task,
        int numClasses,
        Standardizer standardizer,
        TargetScaling targetScaling) implements Serializable {

    public PreparedData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(task, "task");
        if (validation.features().columns() != train.features().columns()
                || (test != null && test.features().columns() != train.features().columns())) {
            throw new IllegalArgumentException("prepared data: parts have different numbers of features");
        }
    }

    /**
     * Data whose targets are in their own units.
     *
     * @param train the training part
     * @param validation the validation part
     * @param test the test part, or null
     * @param task what the labels mean
     * @param numClasses number of classes, 1 for regression
     * @param standardizer the feature transform, or null
     */
    public PreparedData(LabeledData train, LabeledData validation, LabeledData test, Task task, int numClasses,
                        Standardizer standardizer) {
        this(train, validation, test, task, numClasses, standardizer, null);
    }

    /** @return the target scaling, if least-squares targets were centered and scaled */
    public Optional<TargetScaling> targetScalingUsed() {
        return Optional.ofNullable(targetScaling);
    }

    /**
     * @param rmse a root mean squared error measured on these data's targets
     * @return the same error in the targets' own units
     */
    public double rmseInTargetUnits(double rmse) {
        return targetScaling == null ? rmse : targetScaling.rmseInTargetUnits(rmse);
    }

    /** @return these data without the test part (what is broadcast to the trials) */
    public PreparedData withoutTest() {
        return new PreparedData(train, validation, null, task, numClasses, standardizer, targetScaling);
    }

    /** @return the number of features */
    public int numFeatures() {
        return train.features().columns();
    }

    /** @return the test part, if a test file was given */
    public Optional<LabeledData> testPart() {
        return Optional.ofNullable(test);
    }

    /** @return the standardizer, if features were standardized */
    public Optional<Standardizer> standardizerUsed() {
        return Optional.ofNullable(standardizer);
    }

    /** @return bytes held by the primitive arrays of every part */
    public long sizeInBytes() {
        long bytes = train.features().sizeInBytes() + 8L * train.rows()
                + validation.features().sizeInBytes() + 8L * validation.rows();
        if (test != null) {
            bytes += test.features().sizeInBytes() + 8L * test.rows();
        }
        return bytes;
    }

    /**
     * @return these data with every dense part stored in single precision (sparse parts are kept as they are);
     *     standardization, when used, has already been applied in double precision
     */
    public PreparedData inSinglePrecision() {
        return new PreparedData(toFloat(train), toFloat(validation), test == null ? null : toFloat(test), task,
                numClasses, standardizer, targetScaling);
    }

    private static LabeledData toFloat(LabeledData part) {
        if (part.features() instanceof DenseFeatures dense) {
            return new LabeledData(FloatDenseFeatures.of(dense), part.labels());
        }
        return part;
    }
}
