package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.DataSettings.Standardize;

class DataPreparerTest {
    private static PreparedData embedded;

    @TempDir
    Path dir;

    /** Settings with one training file and everything else at its default. */
    static DataSettings settings(String train, String validation, String test, int numFeatures,
            Standardize standardize, int maxTrainRows) {
        return new DataSettings(train, "", validation, "", test, "", DataFormat.AUTO, "label", numFeatures, 0.2,
                standardize, maxTrainRows);
    }

    @BeforeAll
    static void prepareEmbedded() {
        embedded = DataPreparer.prepare(settings(TestFiles.EMBEDDED + "train-images-idx3-ubyte.gz", "",
                TestFiles.EMBEDDED + "t10k-images-idx3-ubyte.gz", 0, Standardize.AUTO, 0), Task.MULTICLASS, 0, 7L);
    }

    @Test
    void embeddedDataIsSplitEightThousandToTwoThousand() {
        assertEquals(8_000, embedded.train().rows());
        assertEquals(2_000, embedded.validation().rows());
        assertEquals(2_000, embedded.testPart().orElseThrow().rows());
        assertEquals(10, embedded.numClasses());
        assertEquals(784, embedded.numFeatures());
        int[] validationPerClass = StratifiedSplitTest.classCounts(embedded.validation(), 10);
        int[] twoHundred = new int[10];
        Arrays.fill(twoHundred, 200);
        assertArrayEquals(twoHundred, validationPerClass);
    }

    @Test
    void denseDataIsStandardizedOnTheTrainingPartByDefault() {
        Standardizer standardizer = embedded.standardizerUsed().orElseThrow();
        assertEquals(784, standardizer.mean().length);
        DenseFeatures train = (DenseFeatures) embedded.train().features();
        int centre = 14 * 28 + 14;
        double sum = 0.0;
        for (int r = 0; r < train.rows(); r++) {
            sum += train.get(r, centre);
        }
        assertEquals(0.0, sum / train.rows(), 1e-9);
        double[] testPixels = ((DenseFeatures) embedded.test().features()).values();
        assertTrue(Arrays.stream(testPixels).anyMatch(v -> v < 0), "test part is transformed like train");
    }

    @Test
    void sameSeedGivesTheSameParts() {
        PreparedData again = DataPreparer.prepare(settings(TestFiles.EMBEDDED + "train-images-idx3-ubyte.gz", "",
                "", 0, Standardize.FALSE, 0), Task.MULTICLASS, 0, 7L);
        assertArrayEquals(embedded.validation().labels(), again.validation().labels());
        Standardizer standardizer = embedded.standardizerUsed().orElseThrow();
        DenseFeatures rawValidation = (DenseFeatures) again.validation().features();
        assertArrayEquals(((DenseFeatures) embedded.validation().features()).values(),
                standardizer.transform(rawValidation).values());
        assertNull(again.test());
        assertTrue(again.standardizerUsed().isEmpty());
    }

    @Test
    void maxTrainRowsSubsamplesBeforeTheSplit() {
        PreparedData small = DataPreparer.prepare(settings(TestFiles.EMBEDDED + "t10k-images-idx3-ubyte.gz", "",
                "", 0, Standardize.FALSE, 500), Task.MULTICLASS, 10, 1L);
        assertEquals(400, small.train().rows());
        assertEquals(100, small.validation().rows());
        int[] perClass = StratifiedSplitTest.classCounts(small.validation(), 10);
        assertTrue(Arrays.stream(perClass).allMatch(n -> n == 10), Arrays.toString(perClass));
    }

    @Test
    void explicitIdxLabelsFileIsUsed() {
        DataSettings explicit = new DataSettings(TestFiles.EMBEDDED + "t10k-images-idx3-ubyte.gz",
                TestFiles.EMBEDDED + "t10k-labels-idx1-ubyte.gz", "", "", "", "", DataFormat.IDX, "label", 0, 0.5,
                Standardize.FALSE, 0);
        PreparedData data = DataPreparer.prepare(explicit, Task.MULTICLASS, 0, 1L);
        assertEquals(1_000, data.train().rows());
        assertEquals(1_000, data.validation().rows());
    }

    @Test
    void inferredLibsvmWidthsAreWidenedToTheLargest() {
        String train = TestFiles.resource("small.libsvm");
        String narrow = TestFiles.resource("narrow.libsvm");
        String wide = TestFiles.write(dir, "wide.libsvm", "1 7:1\n-1 1:2\n");
        PreparedData data = DataPreparer.prepare(settings(train, narrow, wide, 0, Standardize.AUTO, 0),
                Task.BINARY, 0, 1L);
        assertEquals(7, data.numFeatures());
        assertEquals(7, data.validation().features().columns());
        assertInstanceOf(SparseFeatures.class, data.train().features());
        assertTrue(!data.standardizerUsed().orElseThrow().centers(), "AUTO scales sparse data, never centers it");
        // Rows come in a seeded random order (blocks of it are mini-batches), so compare the label multisets.
        assertArrayEquals(new double[] {0, 0, 1, 1}, sorted(data.train().labels()), "-1/+1 encoded as 0/1");
        assertArrayEquals(new double[] {0, 1}, sorted(data.validation().labels()));
    }

    @Test
    void givenLibsvmWidthIsNotWidened() {
        String train = TestFiles.write(dir, "a.libsvm", "1 1:1\n0 4:1\n");
        String test = TestFiles.write(dir, "b.csv", "label,x1,x2\n1,0,0\n0,1,1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataPreparer.prepare(
                settings(train, "", test, 4, Standardize.AUTO, 0), Task.BINARY, 0, 1L));
        assertEquals(train + " has 4 features, but " + test
                + " has 2; every file must have the same number of features", e.getMessage());
    }

    @Test
    void mismatchedDenseFilesNameBothFilesAndCounts() {
        String train = TestFiles.write(dir, "train.csv", "x1,x2,x3,label\n1,2,3,0\n4,5,6,1\n7,8,9,1\n1,1,1,0\n");
        String test = TestFiles.write(dir, "test.csv", "x1,x2,label\n1,2,0\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataPreparer.prepare(
                settings(train, "", test, 0, Standardize.AUTO, 0), Task.BINARY, 0, 1L));
        assertEquals(train + " has 3 features, but " + test
                + " has 2; every file must have the same number of features", e.getMessage());
    }

    @Test
    void validationLabelsAreCheckedAgainstTrainingClasses() {
        String train = TestFiles.write(dir, "train.csv", "x,label\n1,0\n2,1\n3,2\n");
        String validation = TestFiles.write(dir, "validation.csv", "x,label\n1,0\n2,3\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataPreparer.prepare(
                settings(train, validation, "", 0, Standardize.AUTO, 0), Task.MULTICLASS, 0, 1L));
        assertTrue(e.getMessage().startsWith(validation + ": label 3.0 is out of range"), e.getMessage());
    }

    @Test
    void standardizeTrueDensifiesSparseData() {
        String train = TestFiles.resource("small.libsvm");
        String validation = TestFiles.resource("narrow.libsvm");
        PreparedData data = DataPreparer.prepare(settings(train, validation, "", 0, Standardize.TRUE, 0),
                Task.BINARY, 0, 1L);
        DenseFeatures features = assertInstanceOf(DenseFeatures.class, data.train().features());
        assertInstanceOf(DenseFeatures.class, data.validation().features());
        for (int c = 0; c < features.columns(); c++) {
            double sum = 0.0;
            for (int r = 0; r < features.rows(); r++) {
                sum += features.get(r, c);
            }
            assertEquals(0.0, sum, 1e-12, "column " + c);
        }
    }

    @Test
    void regressionCsvKeepsTargetsAndSplitsByShuffle() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(i * 1.5).append('\n');
        }
        String train = TestFiles.write(dir, "reg.csv", csv.toString());
        PreparedData data = DataPreparer.prepare(settings(train, "", "", 0, Standardize.FALSE, 0),
                Task.REGRESSION, 0, 5L);
        assertEquals(1, data.numClasses());
        assertEquals(40, data.train().rows());
        assertEquals(10, data.validation().rows());
        TargetScaling target = data.targetScalingUsed().orElseThrow();
        for (int r = 0; r < data.validation().rows(); r++) {
            assertEquals(data.validation().features().get(r, 0) * 1.5,
                    data.validation().labels()[r] * target.scale() + target.mean(), 1e-9);
        }
    }

    @Test
    void leastSquaresTargetsAreCenteredAndScaledOnTheTrainingPart() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 7).append(',').append(1000.0 + 50.0 * i).append('\n');
        }
        PreparedData data = DataPreparer.prepare(settings(TestFiles.write(dir, "big.csv", csv.toString()), "", "",
                0, Standardize.AUTO, 0), Task.REGRESSION, 0, 3L);
        double[] y = data.train().labels();
        double mean = Arrays.stream(y).average().orElseThrow();
        double squares = Arrays.stream(y).map(v -> v * v).average().orElseThrow();
        assertEquals(0.0, mean, 1e-9);
        assertEquals(1.0, squares, 1e-9);
        assertEquals(7.0, data.rmseInTargetUnits(7.0 / data.targetScalingUsed().orElseThrow().scale()), 1e-9);
    }

    @Test
    void classificationTargetsAreNeverScaled() {
        assertTrue(embedded.targetScalingUsed().isEmpty());
    }

    @Test
    void sparseDataIsScaledWithoutCenteringAndStaysSparse() {
        StringBuilder libsvm = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            // 1 of 10 features set per row: density 0.1, far below DataPreparer.DENSE_ENOUGH.
            libsvm.append(i % 2).append(' ').append(1 + i % 10).append(':').append(100.0 * (1 + i % 3)).append('\n');
        }
        PreparedData data = DataPreparer.prepare(settings(TestFiles.write(dir, "sparse.libsvm", libsvm.toString()),
                "", "", 0, Standardize.AUTO, 0), Task.BINARY, 0, 3L);
        SparseFeatures features = assertInstanceOf(SparseFeatures.class, data.train().features());
        assertInstanceOf(SparseFeatures.class, data.validation().features());
        Standardizer standardizer = data.standardizerUsed().orElseThrow();
        assertTrue(!standardizer.centers());
        for (int c = 0; c < features.columns(); c++) {
            double sum = 0.0;
            double squares = 0.0;
            for (int r = 0; r < features.rows(); r++) {
                sum += features.get(r, c);
                squares += features.get(r, c) * features.get(r, c);
            }
            double n = features.rows();
            assertEquals(1.0, Math.sqrt(squares / n - (sum / n) * (sum / n)), 1e-9, "deviation of column " + c);
        }
    }

    @Test
    void libsvmFileOfDenseDataIsStandardizedLikeTheSameCsv() {
        StringBuilder libsvm = new StringBuilder();
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) {
            double a = 50.0 + i;
            double b = 3.0 + 0.01 * (i % 5);
            libsvm.append(i % 2).append(" 1:").append(a).append(" 2:").append(b).append('\n');
            csv.append(a).append(',').append(b).append(',').append(i % 2).append('\n');
        }
        PreparedData fromLibsvm = DataPreparer.prepare(settings(TestFiles.write(dir, "d.libsvm", libsvm.toString()),
                "", "", 0, Standardize.AUTO, 0), Task.BINARY, 0, 3L);
        PreparedData fromCsv = DataPreparer.prepare(settings(TestFiles.write(dir, "d.csv", csv.toString()),
                "", "", 0, Standardize.AUTO, 0), Task.BINARY, 0, 3L);
        assertInstanceOf(DenseFeatures.class, fromLibsvm.train().features());
        assertTrue(fromLibsvm.standardizerUsed().orElseThrow().centers());
        assertArrayEquals(((DenseFeatures) fromCsv.train().features()).values(),
                ((DenseFeatures) fromLibsvm.train().features()).values(), 1e-12);
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static PreparedData embeddedSubset(int rows, Folds folds) {
        DataSettings settings = settings(TestFiles.EMBEDDED + "train-images-idx3-ubyte.gz", "",
                TestFiles.EMBEDDED + "t10k-images-idx3-ubyte.gz", 0, Standardize.AUTO, rows).withFolds(folds);
        return DataPreparer.prepare(settings, Task.MULTICLASS, 0, 7L);
    }

    @Test
    void kFoldsArePreparedEachWithTransformsFittedOnItsOwnTrainingPart() {
        PreparedData data = embeddedSubset(600, new Folds(3));
        assertEquals(3, data.foldCount());
        assertEquals(2_000, data.testPart().orElseThrow().rows(), "the first fold carries the test part");
        int centre = 14 * 28 + 14;
        java.util.Set<Double> means = new java.util.HashSet<>();
        for (PreparedData fold : data.folds()) {
            assertNull(fold.test());
            assertEquals(200, fold.validation().rows());
            assertEquals(400, fold.train().rows());
            assertEquals(0.0, columnMean((DenseFeatures) fold.train().features(), centre), 1e-9,
                    "each fold's training part is centered by its own transform");
            means.add(fold.standardizerUsed().orElseThrow().mean()[centre]);
        }
        assertEquals(3, means.size(), "three transforms, one per fold: " + means);
        assertEquals(data.train().rows(), data.folds().get(0).train().rows());
    }

    @Test
    void autoFoldsCrossValidateSmallFilesAndHoldOutLargeOnes() {
        assertEquals(1, embeddedSubset(600, Folds.AUTO).foldCount(), "a subset of a 10,000-row file holds out");
        assertEquals(Folds.AUTO_FOLDS, Folds.AUTO.resolve(Folds.AUTO_MAX_ROWS, false));
        assertEquals(1, Folds.AUTO.resolve(Folds.AUTO_MAX_ROWS + 1, false));
        assertEquals(1, new Folds(Folds.AUTOMATIC).resolve(600, true), "a validation file fixes the split");
        assertEquals(1, Folds.AUTO.resolve(2 * Folds.AUTO_FOLDS - 1, false), "too few rows for 5 folds");
        assertEquals(7, new Folds(7).resolve(100_000, false), "an explicit count is used as given");
    }

    private static double columnMean(DenseFeatures features, int column) {
        double sum = 0.0;
        for (int r = 0; r < features.rows(); r++) {
            sum += features.get(r, column);
        }
        return sum / features.rows();
    }
}
