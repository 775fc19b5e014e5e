package org.sparkhpo.data;

import org.sparkhpo.common.ConfigNamed;

/**
 * Where the data comes from and how it is prepared ({@code hpo.data}). Empty strings mean "not given".
 *
 * @param train training data path or URI (IDX: the images file), or {@code table:name} for a catalog table
 * @param trainLabels IDX only: the labels file; empty derives it from {@code train}
 *     ({@code images-idx3} replaced by {@code labels-idx1})
 * @param validation optional validation file or {@code table:name}; empty splits {@code train}
 * @param validationLabels IDX only, as {@code trainLabels}
 * @param test optional test file or {@code table:name}
 * @param testLabels IDX only, as {@code trainLabels}
 * @param format file format, {@code auto} decides by name
 * @param csvLabelColumn CSV: name of the label column in the header
 * @param numFeatures LIBSVM: number of features, 0 infers the largest index seen in any file
 * @param validationFraction fraction of train held out for validation when no validation file is given,
 *     in (0, 1)
 * @param standardize whether features are standardized (mean 0, variance 1, fitted on the training part)
 * @param maxTrainRows 0 uses every training row; otherwise a seeded stratified subset of that size
 * @param precision how dense features are stored for training (double or float)
 * @param columns Parquet files and catalog tables: the label and feature columns
 * @param folds one hold-out part, k-fold cross-validation, or the automatic choice ({@link Folds})
 */
public record DataSettings(
        String train,
        String trainLabels,
        String validation,
        String validationLabels,
        String test,
        String testLabels,
        DataFormat format,
        String csvLabelColumn,
        int numFeatures,
        double validationFraction,
        Standardize standardize,
        int maxTrainRows,
        Precision precision,
        ColumnSettings columns,
        Folds folds) {

    /** Settings validated on one hold-out part. */
    public DataSettings(String train, String trainLabels, String validation, String validationLabels, String test,
                        String testLabels, DataFormat format, String csvLabelColumn, int numFeatures,
                        double validationFraction, Standardize standardize, int maxTrainRows, Precision precision,
                        ColumnSettings columns) {
        this(train, trainLabels, validation, validationLabels, test, testLabels, format, csvLabelColumn, numFeatures,
                validationFraction, standardize, maxTrainRows, precision, columns, Folds.HOLD_OUT);
    }

    /** Settings with MLlib's default columns ({@code label}, {@code features}). */
    public DataSettings(String train, String trainLabels, String validation, String validationLabels, String test,
                        String testLabels, DataFormat format, String csvLabelColumn, int numFeatures,
                        double validationFraction, Standardize standardize, int maxTrainRows, Precision precision) {
        this(train, trainLabels, validation, validationLabels, test, testLabels, format, csvLabelColumn, numFeatures,
                validationFraction, standardize, maxTrainRows, precision, ColumnSettings.MLLIB_DEFAULTS);
    }

    /** Settings with double-precision storage (the default). */
    public DataSettings(String train, String trainLabels, String validation, String validationLabels, String test,
                        String testLabels, DataFormat format, String csvLabelColumn, int numFeatures,
                        double validationFraction, Standardize standardize, int maxTrainRows) {
        this(train, trainLabels, validation, validationLabels, test, testLabels, format, csvLabelColumn, numFeatures,
                validationFraction, standardize, maxTrainRows, Precision.DOUBLE);
    }

    /** Whether to standardize features. */
    public enum Standardize implements ConfigNamed {
        /** Standardize dense data, leave sparse data alone (centering would destroy sparsity). */
        AUTO,
        TRUE,
        FALSE
    }

    /**
     * @param replaced the validation rule
     * @return these settings with {@code folds} replaced
     */
    public DataSettings withFolds(Folds replaced) {
        return new DataSettings(train, trainLabels, validation, validationLabels, test, testLabels, format,
                csvLabelColumn, numFeatures, validationFraction, standardize, maxTrainRows, precision, columns,
                replaced);
    }

    /** @return true when a separate validation file is given */
    public boolean hasValidationFile() {
        return !validation.isEmpty();
    }

    /** @return true when a test file is given */
    public boolean hasTestFile() {
        return !test.isEmpty();
    }
}
