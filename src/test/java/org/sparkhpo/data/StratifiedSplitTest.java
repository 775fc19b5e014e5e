package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;

class StratifiedSplitTest {
    /** Class sizes chosen so that rounding matters: 0.25 * 7 = 1.75, 0.25 * 2 = 0.5, 0.25 * 30 = 7.5. */
    private static final int[] CLASS_SIZES = {50, 30, 7, 2, 1};

    /** Rows whose only feature is their row id, labels interleaved so that classes are not contiguous. */
    static LabeledData data(int[] classSizes) {
        int n = Arrays.stream(classSizes).sum();
        double[] labels = new double[n];
        int[] left = classSizes.clone();
        int row = 0;
        while (row < n) {
            for (int c = 0; c < left.length; c++) {
                if (left[c] > 0) {
                    left[c]--;
                    labels[row++] = c;
                }
            }
        }
        double[] ids = new double[n];
        Arrays.setAll(ids, i -> i);
        return new LabeledData(new DenseFeatures(ids, n, 1), labels);
    }

    static int[] ids(LabeledData part) {
        return Arrays.stream(((DenseFeatures) part.features()).values()).mapToInt(v -> (int) v).toArray();
    }

    static int[] classCounts(LabeledData part, int classes) {
        int[] counts = new int[classes];
        for (double label : part.labels()) {
            counts[(int) label]++;
        }
        return counts;
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        LabeledData data = data(CLASS_SIZES);
        DataSplit first = StratifiedSplit.split(data, Task.MULTICLASS, 0.25, 42L);
        DataSplit again = StratifiedSplit.split(data, Task.MULTICLASS, 0.25, 42L);
        DataSplit other = StratifiedSplit.split(data, Task.MULTICLASS, 0.25, 43L);
        assertArrayEquals(ids(first.validation()), ids(again.validation()));
        assertArrayEquals(ids(first.train()), ids(again.train()));
        assertFalse(Arrays.equals(ids(first.validation()), ids(other.validation())));
    }

    @Test
    void everyClassIsSplitInProportionAndNoRowIsLostOrDuplicated() {
        LabeledData data = data(CLASS_SIZES);
        for (long seed = 0; seed < 20; seed++) {
            DataSplit split = StratifiedSplit.split(data, Task.MULTICLASS, 0.25, seed);
            int[] held = classCounts(split.validation(), CLASS_SIZES.length);
            assertArrayEquals(new int[] {13, 8, 2, 1, 0}, held, "round(0.25 * n), >= 1 when n >= 2, 0 when n = 1");
            for (int c = 0; c < CLASS_SIZES.length - 1; c++) {
                assertTrue(Math.abs(held[c] - 0.25 * CLASS_SIZES[c]) <= 1.0, "class " + c);
            }
            assertPartition(data.rows(), ids(split.train()), ids(split.validation()));
            assertLabelsMatchIds(data, split.train());
            assertLabelsMatchIds(data, split.validation());
        }
    }

    @Test
    void partsComeInASeededRandomRowOrderForBlockTraining() {
        DataSplit split = StratifiedSplit.split(data(CLASS_SIZES), Task.MULTICLASS, 0.3, 7L);
        int[] train = ids(split.train());
        int[] sorted = train.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, train), "the training part is not in file order");
        assertFalse(Arrays.equals(Arrays.stream(ids(split.validation())).sorted().toArray(),
                ids(split.validation())), "nor is the validation part");
    }

    @Test
    void inRandomOrderIsASeededPermutation() {
        LabeledData data = data(CLASS_SIZES);
        int[] once = ids(StratifiedSplit.inRandomOrder(data, 3L));
        assertArrayEquals(once, ids(StratifiedSplit.inRandomOrder(data, 3L)));
        assertFalse(Arrays.equals(once, ids(StratifiedSplit.inRandomOrder(data, 4L))));
        int[] sorted = once.clone();
        Arrays.sort(sorted);
        assertArrayEquals(ids(data), sorted);
    }

    @Test
    void regressionIsAPlainSeededShuffle() {
        LabeledData data = data(new int[] {40});
        double[] targets = new double[40];
        Arrays.setAll(targets, i -> i * 0.5);
        LabeledData regression = new LabeledData(data.features(), targets);
        DataSplit split = StratifiedSplit.split(regression, Task.REGRESSION, 0.2, 3L);
        assertEquals(8, split.validation().rows());
        assertEquals(32, split.train().rows());
        assertPartition(40, ids(split.train()), ids(split.validation()));
        assertArrayEquals(ids(split.validation()),
                ids(StratifiedSplit.split(regression, Task.REGRESSION, 0.2, 3L).validation()));
    }

    @Test
    void tooFewRowsCannotBeSplit() {
        LabeledData singletons = data(new int[] {1, 1, 1});
        assertThrows(InvalidInputException.class, () -> StratifiedSplit.split(singletons, Task.MULTICLASS, 0.5, 1L));
    }

    @Test
    void fractionOutsideTheOpenIntervalIsRejected() {
        LabeledData data = data(CLASS_SIZES);
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.split(data, Task.MULTICLASS, 0.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.split(data, Task.MULTICLASS, 1.0, 1L));
    }

    @Test
    void subsampleKeepsProportionsAndSize() {
        LabeledData data = data(new int[] {600, 300, 100});
        LabeledData subset = StratifiedSplit.subsample(data, Task.MULTICLASS, 101, 9L);
        assertEquals(101, subset.rows());
        int[] counts = classCounts(subset, 3);
        // exact shares 60.6, 30.3, 10.1: floors 60, 30, 10 and the one row left goes to the largest remainder
        assertArrayEquals(new int[] {61, 30, 10}, counts);
        int[] ids = ids(subset);
        assertSorted(ids);
        assertEquals(101, Arrays.stream(ids).distinct().count());
        assertLabelsMatchIds(data, subset);
        assertArrayEquals(ids, ids(StratifiedSplit.subsample(data, Task.MULTICLASS, 101, 9L)));
        assertFalse(Arrays.equals(ids, ids(StratifiedSplit.subsample(data, Task.MULTICLASS, 101, 10L))));
    }

    @Test
    void subsampleOfSmallDataIsTheDataItself() {
        LabeledData data = data(CLASS_SIZES);
        assertSame(data, StratifiedSplit.subsample(data, Task.MULTICLASS, data.rows(), 1L));
    }

    private static void assertPartition(int rows, int[] train, int[] validation) {
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(train).forEach(seen::add);
        Arrays.stream(validation).forEach(seen::add);
        assertEquals(rows, train.length + validation.length);
        assertEquals(rows, seen.size());
    }

    private static void assertLabelsMatchIds(LabeledData all, LabeledData part) {
        int[] ids = ids(part);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(all.labels()[ids[i]], part.labels()[i]);
        }
    }

    private static void assertSorted(int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            assertTrue(ids[i - 1] < ids[i], "row order at " + i);
        }
    }

    @Test
    void foldsValidateEveryRowExactlyOnceStratifiedAndSeeded() {
        LabeledData data = data(CLASS_SIZES);
        int k = 4;
        java.util.List<DataSplit> folds = StratifiedSplit.folds(data, Task.MULTICLASS, k, 7L);
        assertEquals(k, folds.size());
        int[] timesValidated = new int[data.rows()];
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (DataSplit fold : folds) {
            assertEquals(data.rows(), fold.train().rows() + fold.validation().rows());
            Set<Integer> validation = new HashSet<>();
            for (int id : ids(fold.validation())) {
                timesValidated[id]++;
                validation.add(id);
            }
            for (int id : ids(fold.train())) {
                assertFalse(validation.contains(id), "row " + id + " both trains and validates");
            }
            int[] counts = classCounts(fold.validation(), CLASS_SIZES.length);
            for (int c = 0; c < CLASS_SIZES.length; c++) {
                double share = (double) CLASS_SIZES[c] / k;
                assertTrue(Math.abs(counts[c] - share) < 1.0, "class " + c + ": " + counts[c] + " vs " + share);
            }
            smallest = Math.min(smallest, fold.validation().rows());
            largest = Math.max(largest, fold.validation().rows());
        }
        for (int id = 0; id < timesValidated.length; id++) {
            assertEquals(1, timesValidated[id], "row " + id);
        }
        assertTrue(largest - smallest <= 1, smallest + " .. " + largest);
        java.util.List<DataSplit> again = StratifiedSplit.folds(data, Task.MULTICLASS, k, 7L);
        java.util.List<DataSplit> other = StratifiedSplit.folds(data, Task.MULTICLASS, k, 8L);
        assertArrayEquals(ids(folds.get(2).validation()), ids(again.get(2).validation()));
        assertArrayEquals(ids(folds.get(2).train()), ids(again.get(2).train()));
        assertFalse(Arrays.equals(ids(folds.get(2).validation()), ids(other.get(2).validation())));
    }

    @Test
    void moreFoldsThanRowsIsABadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StratifiedSplit.folds(data(new int[] {2, 1}), Task.MULTICLASS, 4, 1L));
        assertTrue(e.getMessage().contains("hpo.data.folds"), e.getMessage());
    }
}
