package org.sparkhpo.data;

/**
 * How trials are validated ({@code hpo.data.folds}): one hold-out part, k-fold cross-validation, or the
 * automatic choice between them.
 *
 * <p>Automatic rule ({@link #resolve}): k-fold with {@link #AUTO_FOLDS} folds when no validation file is given
 * and the training file has at most {@link #AUTO_MAX_ROWS} rows (and at least two per fold); one hold-out otherwise.
 * The file's rows count, not those of a {@code hpo.data.max-train-rows} subset: a subset of a large file is a
 * quick experiment, which keeps the hold-out's speed. The reason is the noise of
 * a hold-out estimate: an accuracy p measured on v held-out rows has standard error sqrt(p (1 - p) / v), so
 * with the default fraction 0.2 and n <= 5,000 rows (v <= 1,000) it is 1.1 percentage points or more at
 * p = 0.85, as large as the differences between the configurations being compared. k-fold validates on all n
 * rows (Kohavi 1995, "A study of cross-validation and bootstrap for accuracy estimation and model selection",
 * recommends 10 folds; scikit-learn's {@code GridSearchCV} and MLlib's {@code CrossValidator} default to 5 and
 * 3), at k times the training cost, which is small for such data and grows beyond it.
 *
 * @param requested {@link #AUTOMATIC} (0), 1 for one hold-out part, or the number of folds k >= 2
 */
public record Folds(int requested) {
    /** {@code requested} of {@code hpo.data.folds = auto}. */
    public static final int AUTOMATIC = 0;
    /** Folds the automatic rule uses for small data. */
    public static final int AUTO_FOLDS = 5;
    /** The most rows of the training file for which the automatic rule cross-validates. */
    public static final int AUTO_MAX_ROWS = 5_000;
    /** The most folds a configuration may ask for. */
    public static final int MAX_FOLDS = 100;

    /** One hold-out part. */
    public static final Folds HOLD_OUT = new Folds(1);
    /** The automatic rule. */
    public static final Folds AUTO = new Folds(AUTOMATIC);

    public Folds {
        if (requested < 0 || requested > MAX_FOLDS) {
            throw new IllegalArgumentException("folds " + requested + " must be in [0, " + MAX_FOLDS + "]");
        }
    }

    /** @return true for {@code hpo.data.folds = auto} */
    public boolean automatic() {
        return requested == AUTOMATIC;
    }

    /**
     * @param rows the rows of the training file (before any {@code hpo.data.max-train-rows} subset)
     * @param validationFile true when a separate validation file is given (then the automatic rule holds out)
     * @return the number of folds to use: 1 for one hold-out part, else k >= 2
     */
    public int resolve(int rows, boolean validationFile) {
        if (!automatic()) {
            return requested;
        }
        return !validationFile && rows <= AUTO_MAX_ROWS && rows >= 2 * AUTO_FOLDS ? AUTO_FOLDS : 1;
    }

    /** @return the configuration value: {@code auto} or the number */
    @Override
    public String toString() {
        return automatic() ? "auto" : Integer.toString(requested);
    }
}
