package org.sparkhpo.testdata;

import java.util.Random;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.Task;

/** Small seeded data sets with known structure, for tests that need data without files. */
public final class GeneratedData {
    private GeneratedData() {
    }

    /**
     * Gaussian clusters: class c centred at 3 * e_(c mod d) with unit noise.
     *
     * @param rows number of rows
     * @param features number of features
     * @param classes number of classes
     * @param seed seed
     * @return the labeled rows
     */
    public static LabeledData clusters(int rows, int features, int classes, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows * features];
        double[] labels = new double[rows];
        for (int r = 0; r < rows; r++) {
            int label = r % classes;
            labels[r] = label;
            for (int c = 0; c < features; c++) {
                values[r * features + c] = random.nextGaussian() + (c == label % features ? 3.0 : 0.0);
            }
        }
        return new LabeledData(new DenseFeatures(values, rows, features), labels);
    }

    /** @return prepared multiclass data: cluster train and validation parts, no test part */
    public static PreparedData preparedClusters(int trainRows, int validationRows, int features, int classes,
                                                long seed) {
        return new PreparedData(clusters(trainRows, features, classes, seed),
                clusters(validationRows, features, classes, seed + 1), null, Task.MULTICLASS, classes, null);
    }
}
