package org.sparkhpo.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.sparkhpo.common.InvalidInputException;

/**
 * Turns the {@code hpo.data} settings into the {@link PreparedData} of a job. Driver-only; runs once per job,
 * before anything is broadcast.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>read the training file and, when given, the validation and test files, each in the format
 *       {@code settings.format().resolve(location)} (IDX labels: the {@code *Labels} key, or the images path
 *       with {@code images-idx3} replaced by {@code labels-idx1}; the {@code *Labels} keys are ignored for
 *       other formats); Parquet files and catalog tables through the {@link ColumnarReader} given;</li>
 *   <li>give every file the same number of features: LIBSVM files read with {@code numFeatures == 0} are
 *       widened to the largest count of any file; any other difference is an error naming both files;</li>
 *   <li>check and encode the labels with {@link Labels} (validation and test against the training set's
 *       number of classes);</li>
 *   <li>take a stratified subset of {@code maxTrainRows} training rows when that is > 0;</li>
 *   <li>k-fold cross-validation ({@link Folds#resolve} gives k >= 2): split the training rows into k stratified
 *       folds ({@link StratifiedSplit#folds}) and prepare every fold's split by the steps below, each with
 *       transforms fitted on its own training part; the first fold's split is the prepared data and the others
 *       ride along ({@link PreparedData#otherFolds()});</li>
 *   <li>else, without a validation file, split the training rows with {@link StratifiedSplit} at
 *       {@code validationFraction}, which gives both parts in a seeded random row order; with a validation
 *       file, put the training and validation rows in a seeded random order. Training visits contiguous
 *       blocks of rows ({@code train.BlockOrder}), so a block must be a random sample of the rows even when
 *       a file is sorted (by label, say), and the final model trains on train + validation;</li>
 *   <li>scale the features, fitted on the training part only and applied to every part, by the rule of
 *       {@link #scalingFor}: TRUE standardizes (centers and scales; sparse parts are made dense first,
 *       because centering fills in every zero), FALSE leaves the features raw, AUTO standardizes dense data
 *       and sparse data of density at least {@link #DENSE_ENOUGH} (made dense), and scales sparser data by
 *       the column standard deviation without centering, which keeps it sparse;</li>
 *   <li>least squares: center and scale the targets of every part by the training targets' mean and
 *       standard deviation ({@link TargetScaling}); predictions and RMSE are reported in the target's units.</li>
 * </ol>
 * The subset, the split and the row order draw from seeds derived from {@code seed}, so the same settings and seed
 * give the same parts.
 */
public final class DataPreparer {
    /**
     * The density (stored non-zeros / cells) from which AUTO treats sparse training data as dense and
     * standardizes it: at half the cells filled, the dense copy (8 bytes a cell) costs 8/(0.5 * 12) = 1.33x the
     * CSR storage (a double and an int a non-zero), so centering costs little memory and gives the better
     * conditioned problem. LIBSVM files of naturally dense data (every feature written on every row) thus
     * train exactly like the same data read from CSV.
     */
    static final double DENSE_ENOUGH = 0.5;

    /** How the features of a job are scaled. */
    enum Scaling {
        /** Raw features. */
        NONE,
        /** Centered and divided by the standard deviation (dense storage). */
        STANDARDIZE,
        /** Divided by the standard deviation, not centered (stays sparse). */
        SCALE_ONLY
    }

    private DataPreparer() {
    }

    /** Data read from one file (features and labels), with the location for messages. */
    private record Part(String location, LabeledData data) {
        Part withData(LabeledData replaced) {
            return new Part(location, replaced);
        }
    }

    /**
     * Reads, checks, splits and standardizes the data of a job.
     *
     * @param settings where the data is and how to prepare it
     * @param task what the labels mean
     * @param numClasses multiclass: the number of classes, or 0 to infer it from the training labels;
     *     binary: 0 or 2; ignored for regression
     * @param seed the job seed, from which the subset and split seeds are derived
     * @return the prepared parts
     * @throws InvalidInputException when a file is missing or malformed, labels break the task's rules, or
     *     files disagree on the number of features
     */
    public static PreparedData prepare(DataSettings settings, Task task, int numClasses, long seed) {
        return prepare(settings, task, numClasses, seed, ColumnarReader.NONE);
    }

    /**
     * As {@link #prepare(DataSettings, Task, int, long)}, with Parquet files and catalog tables read by
     * {@code columnar} (step 1); every later step is the same for every format.
     *
     * @param settings where the data is and how to prepare it
     * @param task what the labels mean
     * @param numClasses as in {@link #prepare(DataSettings, Task, int, long)}
     * @param seed the job seed
     * @param columnar reads {@link DataFormat#PARQUET} and {@link DataFormat#TABLE} locations
     * @return the prepared parts
     */
    public static PreparedData prepare(DataSettings settings, Task task, int numClasses, long seed,
            ColumnarReader columnar) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(columnar, "columnar");
        Objects.requireNonNull(task, "task");
        SplittableRandom seeds = new SplittableRandom(seed);
        long subsampleSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        long trainOrderSeed = seeds.nextLong();
        long validationOrderSeed = seeds.nextLong();

        List<Part> parts = new ArrayList<>(3);
        parts.add(read(settings, columnar, settings.train(), settings.trainLabels()));
        Part validation = settings.hasValidationFile()
                ? add(parts, read(settings, columnar, settings.validation(), settings.validationLabels())) : null;
        Part test = settings.hasTestFile()
                ? add(parts, read(settings, columnar, settings.test(), settings.testLabels())) : null;
        int width = alignedWidth(parts, settings.numFeatures() == 0);

        Part train = parts.get(0);
        EncodedLabels trainLabels = Labels.encodeTraining(train.location(), train.data().labels(), task, numClasses);
        int classes = trainLabels.numClasses();
        LabeledData trainData = new LabeledData(widen(train.data().features(), width), trainLabels.labels());
        LabeledData validationData = validation == null ? null : encoded(validation, task, classes, width);
        LabeledData testData = test == null ? null : encoded(test, task, classes, width);

        int folds = settings.folds().resolve(trainData.rows(), validationData != null);
        if (settings.maxTrainRows() > 0) {
            trainData = StratifiedSplit.subsample(trainData, task, settings.maxTrainRows(), subsampleSeed);
        }
        PreparedData prepared;
        if (folds > 1) {
            prepared = crossValidated(settings, task, classes, trainData, testData, folds, splitSeed);
        } else if (validationData == null) {
            DataSplit split = StratifiedSplit.split(trainData, task, settings.validationFraction(), splitSeed);
            prepared = finish(settings, task, classes, split.train(), split.validation(), testData);
        } else {
            prepared = finish(settings, task, classes, StratifiedSplit.inRandomOrder(trainData, trainOrderSeed),
                    StratifiedSplit.inRandomOrder(validationData, validationOrderSeed), testData);
        }
        return settings.precision() == Precision.FLOAT ? prepared.inSinglePrecision() : prepared;
    }

    /**
     * k-fold cross-validation ({@link StratifiedSplit#folds}): every fold's split prepared by {@link #finish}
     * with transforms fitted on its own training part (as a scikit-learn pipeline inside {@code GridSearchCV}),
     * the first fold's carrying the test part and the others.
     */
    private static PreparedData crossValidated(DataSettings settings, Task task, int classes, LabeledData rows,
            LabeledData test, int folds, long seed) {
        if (settings.hasValidationFile()) {
            throw new InvalidInputException("hpo.data.folds: " + folds + " folds split the training file, but "
                    + "hpo.data.validation names a validation file too (use one or the other)");
        }
        List<DataSplit> splits = StratifiedSplit.folds(rows, task, folds, seed);
        List<PreparedData> others = new ArrayList<>(folds - 1);
        for (DataSplit split : splits.subList(1, folds)) {
            others.add(finish(settings, task, classes, split.train(), split.validation(), null));
        }
        PreparedData first = finish(settings, task, classes, splits.get(0).train(), splits.get(0).validation(), test);
        return new PreparedData(first.train(), first.validation(), first.test(), task, classes, first.standardizer(),
                first.targetScaling(), others);
    }

    private static PreparedData finish(DataSettings settings, Task task, int classes, LabeledData train,
            LabeledData validation, LabeledData test) {
        TargetScaling target = task == Task.REGRESSION ? TargetScaling.fit(train.labels()) : null;
        if (target != null) {
            train = target.apply(train);
            validation = target.apply(validation);
            test = test == null ? null : target.apply(test);
        }
        Scaling scaling = scalingFor(settings.standardize(), train.features());
        if (scaling == Scaling.NONE) {
            return new PreparedData(train, validation, test, task, classes, null, target);
        }
        Standardizer standardizer = scaling == Scaling.STANDARDIZE ? Standardizer.fit(dense(train.features()))
                : Standardizer.fitScaleOnly((SparseFeatures) train.features());
        Precision precision = settings.precision();
        return new PreparedData(scaled(train, standardizer, precision), scaled(validation, standardizer, precision),
                test == null ? null : scaled(test, standardizer, precision), task, classes, standardizer, target);
    }

    /**
     * The rule for scaling features: TRUE standardizes, FALSE leaves them raw; AUTO standardizes dense data
     * and sparse data of density at least {@link #DENSE_ENOUGH}, and scales sparser data without centering.
     *
     * @param standardize the setting
     * @param trainFeatures the training features
     * @return how to scale
     */
    static Scaling scalingFor(DataSettings.Standardize standardize, Features trainFeatures) {
        return switch (standardize) {
            case TRUE -> Scaling.STANDARDIZE;
            case FALSE -> Scaling.NONE;
            case AUTO -> trainFeatures instanceof SparseFeatures sparse && density(sparse) < DENSE_ENOUGH
                    ? Scaling.SCALE_ONLY : Scaling.STANDARDIZE;
        };
    }

    /** @return stored non-zeros over cells (1 for an empty matrix) */
    static double density(SparseFeatures features) {
        double cells = (double) features.rows() * features.columns();
        return cells == 0.0 ? 1.0 : features.values().length / cells;
    }

    private static Part read(DataSettings settings, ColumnarReader columnar, String location,
            String labelsLocation) {
        DataFormat format = settings.format().resolve(location);
        LabeledData data = switch (format) {
            case LIBSVM -> LibsvmReader.read(location, settings.numFeatures());
            case CSV -> CsvReader.read(location, settings.csvLabelColumn());
            case IDX -> IdxReader.read(location,
                    labelsLocation.isEmpty() ? IdxReader.labelsLocationFor(location) : labelsLocation);
            case PARQUET, TABLE -> columnar.read(location, format);
            case AUTO -> throw new IllegalStateException("DataFormat.resolve returned AUTO for " + location);
        };
        return new Part(location, data);
    }

    private static Part add(List<Part> parts, Part part) {
        parts.add(part);
        return part;
    }

    /**
     * The common number of features: the largest of any file. A file with fewer is accepted only when it is
     * sparse and its width was inferred ({@code mayWiden}); otherwise the two files are named in the error.
     */
    private static int alignedWidth(List<Part> parts, boolean mayWiden) {
        Part widest = parts.get(0);
        for (Part part : parts) {
            if (part.data().features().columns() > widest.data().features().columns()) {
                widest = part;
            }
        }
        int width = widest.data().features().columns();
        for (Part part : parts) {
            Features features = part.data().features();
            boolean widenable = mayWiden && features instanceof SparseFeatures;
            if (features.columns() != width && !widenable) {
                throw new InvalidInputException(widest.location() + " has " + width + " features, but "
                        + part.location() + " has " + features.columns()
                        + "; every file must have the same number of features");
            }
        }
        return width;
    }

    private static Features widen(Features features, int width) {
        return features instanceof SparseFeatures sparse ? sparse.withColumns(width) : features;
    }

    private static LabeledData encoded(Part part, Task task, int classes, int width) {
        double[] labels = Labels.encode(part.location(), part.data().labels(), task, classes);
        return new LabeledData(widen(part.data().features(), width), labels);
    }

    private static DenseFeatures dense(Features features) {
        return features instanceof SparseFeatures sparse ? sparse.toDense() : (DenseFeatures) features;
    }

    /** @return the part scaled; dense features in single precision at once when the data is float */
    private static LabeledData scaled(LabeledData data, Standardizer standardizer, Precision precision) {
        if (!standardizer.centers() && data.features() instanceof SparseFeatures sparse) {
            return new LabeledData(standardizer.transform(sparse), data.labels());
        }
        DenseFeatures dense = dense(data.features());
        return new LabeledData(precision == Precision.FLOAT ? standardizer.transformToFloat(dense)
                : standardizer.transform(dense), data.labels());
    }
}
