package org.sparkhpo.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sparkhpo.common.InvalidInputException;

/**
 * Seeded splits and subsets that keep the class proportions of a classification data set.
 *
 * <p>Rules: rows are grouped by label (classification) or form one group (regression); the groups are
 * visited in increasing label order, and the rows of each are shuffled (Fisher-Yates) with one
 * {@link SplittableRandom} seeded with {@code seed}, so the same data and seed give the same result on every
 * machine. The parts of {@link #split} come out in a seeded random row order ({@link #shuffledOrder}), because
 * training visits contiguous blocks of rows ({@code train.BlockOrder}) and a block must be a random sample
 * even when the file is sorted (by label, say); {@link #subsample} keeps the original order. Labels must
 * already be encoded ({@link Labels}).
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /**
     * Holds out {@code round(fraction * count)} rows of every group for validation, but at least one and at
     * most {@code count - 1} when the group has two rows or more; a group of one row stays in training. So
     * each class's validation count is within one row of {@code fraction * count}.
     *
     * @param data the data to split, labels encoded
     * @param task decides whether the split is stratified (classification) or a plain shuffle (regression)
     * @param fraction the share held out for validation, in (0, 1)
     * @param seed the seed of the shuffle
     * @return the training and validation parts
     * @throws InvalidInputException when either part would be empty
     */
    public static DataSplit split(LabeledData data, Task task, double fraction, long seed) {
        if (!(fraction > 0.0 && fraction < 1.0)) {
            throw new IllegalArgumentException("validation fraction " + fraction + " must be in (0, 1)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        IntList trainRows = new IntList(data.rows());
        IntList validationRows = new IntList(data.rows());
        for (int[] group : groups(data, task)) {
            shuffle(group, random);
            int held = group.length < 2 ? 0
                    : (int) Math.max(1, Math.min(group.length - 1, Math.round(fraction * group.length)));
            for (int i = 0; i < group.length; i++) {
                (i < held ? validationRows : trainRows).add(group[i]);
            }
        }
        if (trainRows.size() == 0 || validationRows.size() == 0) {
            throw new InvalidInputException("training data: " + data.rows() + " rows cannot be split into "
                    + "non-empty train and validation parts at fraction " + fraction
                    + "; every class needs at least 2 rows");
        }
        return new DataSplit(data.selectRows(shuffled(trainRows, random)),
                data.selectRows(shuffled(validationRows, random)));
    }

    /**
     * Stratified k-fold cross-validation splits (as scikit-learn's {@code StratifiedKFold} with shuffling): the
     * rows of every group, shuffled, are dealt to the folds in turn, the deal continuing from group to group, so
     * every row is in exactly one fold, each fold holds within one row of its group's share of every class, and
     * the fold sizes differ by at most one row. Split {@code f} validates on fold {@code f} and trains on the
     * others; both parts come out in a seeded random row order, as in {@link #split}.
     *
     * @param data the data to split, labels encoded
     * @param task decides whether the folds are stratified (classification) or a plain shuffle (regression)
     * @param folds the number of folds k, >= 2
     * @param seed the seed of the shuffles
     * @return k splits, the validation parts of which partition the rows
     * @throws InvalidInputException when there are fewer rows than folds
     */
    public static List<DataSplit> folds(LabeledData data, Task task, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds " + folds + " must be >= 2");
        }
        if (data.rows() < folds) {
            throw new InvalidInputException("training data: " + data.rows() + " rows cannot be split into "
                    + folds + " folds (hpo.data.folds); every fold needs at least one row");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] foldOf = new int[data.rows()];
        int dealt = 0;
        for (int[] group : groups(data, task)) {
            shuffle(group, random);
            for (int row : group) {
                foldOf[row] = dealt++ % folds;
            }
        }
        List<DataSplit> splits = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            IntList trainRows = new IntList(data.rows());
            IntList validationRows = new IntList(data.rows() / folds + 1);
            for (int row = 0; row < foldOf.length; row++) {
                (foldOf[row] == f ? validationRows : trainRows).add(row);
            }
            splits.add(new DataSplit(data.selectRows(shuffled(trainRows, random)),
                    data.selectRows(shuffled(validationRows, random))));
        }
        return splits;
    }

    /**
     * Draws a seeded subset of {@code maxRows} rows with the groups' proportions: each group gets the floor of
     * its exact share, and the rows left over go to the groups with the largest remainders (ties to the
     * smaller label).
     *
     * @param data the data to subsample, labels encoded
     * @param task decides whether the subset is stratified (classification) or a plain shuffle (regression)
     * @param maxRows the size of the subset, >= 1
     * @param seed the seed of the shuffle
     * @return {@code data} itself when it has at most {@code maxRows} rows, else the subset
     */
    public static LabeledData subsample(LabeledData data, Task task, int maxRows, long seed) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows " + maxRows + " must be >= 1");
        }
        if (data.rows() <= maxRows) {
            return data;
        }
        List<int[]> groups = groups(data, task);
        int[] quotas = quotas(groups, data.rows(), maxRows);
        SplittableRandom random = new SplittableRandom(seed);
        IntList chosen = new IntList(maxRows);
        for (int g = 0; g < groups.size(); g++) {
            int[] group = groups.get(g);
            shuffle(group, random);
            for (int i = 0; i < quotas[g]; i++) {
                chosen.add(group[i]);
            }
        }
        return data.selectRows(sorted(chosen));
    }

    /**
     * @param data the rows
     * @param seed the seed of the order
     * @return the rows in a seeded random order (a Fisher-Yates permutation), as a copy
     */
    public static LabeledData inRandomOrder(LabeledData data, long seed) {
        return data.selectRows(shuffledOrder(data.rows(), seed));
    }

    /**
     * @param rows the number of rows
     * @param seed the seed
     * @return a seeded random permutation of 0 .. rows - 1
     */
    public static int[] shuffledOrder(int rows, long seed) {
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        shuffle(order, new SplittableRandom(seed));
        return order;
    }

    /** The rows in increasing order (so the result depends on the set only), then shuffled. */
    private static int[] shuffled(IntList rows, SplittableRandom random) {
        int[] out = sorted(rows);
        shuffle(out, random);
        return out;
    }

    /** Largest-remainder apportionment of {@code total} rows among groups in proportion to their sizes. */
    private static int[] quotas(List<int[]> groups, int rows, int total) {
        int[] quotas = new int[groups.size()];
        double[] remainders = new double[groups.size()];
        int assigned = 0;
        for (int g = 0; g < quotas.length; g++) {
            double exact = (double) groups.get(g).length * total / rows;
            quotas[g] = (int) Math.floor(exact);
            remainders[g] = exact - quotas[g];
            assigned += quotas[g];
        }
        for (; assigned < total; assigned++) {
            int best = 0;
            for (int g = 1; g < quotas.length; g++) {
                if (remainders[g] > remainders[best]) {
                    best = g;
                }
            }
            quotas[best]++;
            remainders[best] = -1.0;
        }
        return quotas;
    }

    /** Row indices per label in increasing label order, or all rows as one group for regression. */
    private static List<int[]> groups(LabeledData data, Task task) {
        double[] labels = data.labels();
        if (!task.isClassification()) {
            int[] all = new int[labels.length];
            Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        Map<Double, IntList> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], label -> new IntList(64)).add(i);
        }
        List<int[]> groups = new ArrayList<>(byLabel.size());
        for (IntList rows : byLabel.values()) {
            groups.add(rows.toArray());
        }
        return groups;
    }

    /** Fisher-Yates shuffle in place. */
    private static void shuffle(int[] rows, SplittableRandom random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }

    private static int[] sorted(IntList rows) {
        int[] out = rows.toArray();
        Arrays.sort(out);
        return out;
    }
}
