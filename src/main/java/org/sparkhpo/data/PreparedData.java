package org.sparkhpo.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of one job after reading, splitting and standardizing: what the driver broadcasts once and
 * every trial trains on. Immutable; built on the driver by {@link DataPreparer}.
 *
 * <p>Under k-fold cross-validation these data are the first fold's split (train = the other folds, validation
 * = fold 1, transforms fitted on its training part, the test part attached), and {@code otherFolds} holds the
 * splits of folds 2..k, each prepared the same way with its own fitted transforms and no test part. The final
 * model trains on train + validation, which is then every row of the training file.
 *
 * @param train the training part (standardized when {@code standardizer} is present)
 * @param validation the validation part, transformed like {@code train}
 * @param test the test part, transformed like {@code train}, or null when no test file was given
 * @param task what the labels mean
 * @param numClasses number of classes for classification (2 for binary), 1 for regression
 * @param standardizer the transform fitted on the training part, or null when features are raw
 * @param targetScaling least squares: the centering and scaling of the targets of every part (fitted on the
 *     training part), or null when targets are in their own units
 * @param otherFolds k-fold cross-validation: the splits of folds 2..k (no test part, no folds of their own);
 *     empty for one hold-out part
 */
public record PreparedData(
        LabeledData train,
        LabeledData validation,
        LabeledData test,
        Task task,
        int numClasses,
        Standardizer standardizer,
        TargetScaling targetScaling,
        List<PreparedData> otherFolds) implements Serializable {

    public PreparedData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(task, "task");
        otherFolds = List.copyOf(otherFolds);
        for (PreparedData fold : otherFolds) {
            if (fold.test() != null || !fold.otherFolds().isEmpty()
                    || fold.numFeatures() != train.features().columns()) {
                throw new IllegalArgumentException("prepared data: a fold must have no test part, no folds of its"
                        + " own and the same features");
            }
        }
        if (validation.features().columns() != train.features().columns()
                || (test != null && test.features().columns() != train.features().columns())) {
            throw new IllegalArgumentException("prepared data: parts have different numbers of features");
        }
    }

    /**
     * Data validated on one hold-out part.
     *
     * @param train the training part
     * @param validation the validation part
     * @param test the test part, or null
     * @param task what the labels mean
     * @param numClasses number of classes, 1 for regression
     * @param standardizer the feature transform, or null
     * @param targetScaling the target transform, or null
     */
    public PreparedData(LabeledData train, LabeledData validation, LabeledData test, Task task, int numClasses,
                        Standardizer standardizer, TargetScaling targetScaling) {
        this(train, validation, test, task, numClasses, standardizer, targetScaling, List.of());
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
        return new PreparedData(train, validation, null, task, numClasses, standardizer, targetScaling, otherFolds);
    }

    /**
     * @return how trials are validated, for the job log and summary.txt, for example {@code 5-fold stratified
     *     cross-validation over 1200 rows (the objective is the mean over the folds)}
     */
    public String validationScheme() {
        if (foldCount() == 1) {
            return "one hold-out part of " + validation.rows() + " rows";
        }
        int rows = train.rows() + validation.rows();
        return foldCount() + "-fold " + (task.isClassification() ? "stratified " : "") + "cross-validation over "
                + rows + " rows (each trial trains " + foldCount() + " times; its objective is the mean over the"
                + " folds, the spread in <objective>_std)";
    }

    /** @return the number of cross-validation folds, 1 for one hold-out part */
    public int foldCount() {
        return 1 + otherFolds.size();
    }

    /**
     * @return the split of every fold, this one's first, each without test part and folds (one element, this
     *     split, for one hold-out part)
     */
    public List<PreparedData> folds() {
        List<PreparedData> folds = new ArrayList<>(foldCount());
        folds.add(new PreparedData(train, validation, null, task, numClasses, standardizer, targetScaling));
        folds.addAll(otherFolds);
        return folds;
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
        for (PreparedData fold : otherFolds) {
            bytes += fold.sizeInBytes();
        }
        return bytes;
    }

    /**
     * @return these data with every dense part stored in single precision (sparse parts are kept as they are);
     *     standardization, when used, has already been applied in double precision
     */
    public PreparedData inSinglePrecision() {
        return new PreparedData(toFloat(train), toFloat(validation), test == null ? null : toFloat(test), task,
                numClasses, standardizer, targetScaling,
                otherFolds.stream().map(PreparedData::inSinglePrecision).toList());
    }

    private static LabeledData toFloat(LabeledData part) {
        if (part.features() instanceof DenseFeatures dense) {
            return new LabeledData(FloatDenseFeatures.of(dense), part.labels());
        }
        return part;
    }
}
