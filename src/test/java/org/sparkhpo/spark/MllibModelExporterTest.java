package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.data.DataSettings;
import org.sparkhpo.data.DataSettings.Standardize;
import org.sparkhpo.data.CsvReader;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.LibsvmReader;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;

/**
 * The exported Spark ML model takes raw features: its predictions on the raw test rows equal ours on the
 * prepared (scaled) rows, for sparse data scaled without centering, dense data standardized, and
 * least-squares targets centered and scaled.
 */
@ExtendWith(LocalSparkExtension.class)
class MllibModelExporterTest {
    @TempDir
    Path dir;

    @Test
    void sparseScaledLogisticModelPredictsOnRawFeatures(SparkSession spark) throws IOException {
        String file = write("sparse.libsvm", sparseRows(300, 40, 11L));
        PreparedData data = prepare(file, Standardize.AUTO, LossType.LOGISTIC);
        assertInstanceOf(SparseFeatures.class, data.train().features());
        assertSamePredictions(spark, LossType.LOGISTIC, data, LibsvmReader.read(file, 0), 0.0);
    }

    @Test
    void denseStandardizedSoftmaxModelPredictsOnRawFeatures(SparkSession spark) throws IOException {
        String file = write("dense.csv", denseRows(240, 5, 3, 5L, false));
        PreparedData data = prepare(file, Standardize.AUTO, LossType.SOFTMAX);
        assertInstanceOf(DenseFeatures.class, data.train().features());
        assertSamePredictions(spark, LossType.SOFTMAX, data, CsvReader.read(file, "label"), 0.0);
    }

    @Test
    void scaledLeastSquaresModelPredictsInTheTargetsUnits(SparkSession spark) throws IOException {
        String file = write("regression.csv", denseRows(200, 4, 0, 9L, true));
        PreparedData data = prepare(file, Standardize.AUTO, LossType.LEAST_SQUARES);
        assertTrue(data.targetScalingUsed().isPresent());
        assertSamePredictions(spark, LossType.LEAST_SQUARES, data, CsvReader.read(file, "label"), 1e-6);
    }

    private PreparedData prepare(String file, Standardize standardize, LossType loss) {
        DataSettings settings = new DataSettings(file, "", "", "", file, "", DataFormat.AUTO, "label", 0, 0.2,
                standardize, 0);
        return DataPreparer.prepare(settings, loss.task(), 0, 1L);
    }

    private static void assertSamePredictions(SparkSession spark, LossType loss, PreparedData data,
                                              LabeledData raw, double tolerance) {
        Metric metric = loss.task().isClassification() ? Metric.ACCURACY : Metric.RMSE;
        SgdTrainer trainer = new SgdTrainer(loss, metric, new StoppingRules(0, 0.0, 1000), data.numClasses());
        HyperParameters hyperParameters = new HyperParameters(0.05, 0.9, false, 16, 5, 1e-3, 0, "constant", 0.5,
                5);
        TrainingOutcome outcome = trainer.train(data.train(), null, hyperParameters, 3L);
        double[] expected = new double[data.test().rows()];
        trainer.evaluator(data.test()).predict(outcome.theta(), expected);
        data.targetScalingUsed().ifPresent(target -> {
            for (int r = 0; r < expected.length; r++) {
                expected[r] = expected[r] * target.scale() + target.mean();
            }
        });
        Transformer model = (Transformer) MllibModelExporter.toMllib(loss, outcome.theta(), data);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < raw.rows(); r++) {
            double[] values = new double[raw.features().columns()];
            for (int c = 0; c < values.length; c++) {
                values[c] = raw.features().get(r, c);
            }
            rows.add(RowFactory.create(Vectors.dense(values)));
        }
        Dataset<Row> frame = spark.createDataFrame(rows, new StructType(new StructField[] {
                new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())}));
        double[] actual = model.transform(frame).select("prediction").collectAsList().stream()
                .mapToDouble(row -> row.getDouble(0)).toArray();
        assertArrayEquals(expected, actual, tolerance);
    }

    /** Binary rows of about 4 of {@code width} features each, values in the hundreds, label by a linear rule. */
    private static String sparseRows(int rows, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder features = new StringBuilder();
            double score = 0.0;
            for (int c = 1; c <= width; c++) {
                if (random.nextDouble() < 0.1) {
                    double value = 100.0 * c * random.nextDouble();
                    score += (c % 2 == 0 ? 1 : -1) * value / c;
                    features.append(' ').append(c).append(':').append(value);
                }
            }
            text.append(score > 0 ? 1 : 0).append(features).append('\n');
        }
        return text.toString();
    }

    /** Dense rows with offsets and spreads per column; a class by a linear rule, or a target in the thousands. */
    private static String denseRows(int rows, int width, int classes, long seed, boolean regression) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < width; c++) {
            text.append('x').append(c).append(',');
        }
        text.append("label\n");
        for (int r = 0; r < rows; r++) {
            double score = 0.0;
            for (int c = 0; c < width; c++) {
                double value = 50.0 * c + (c + 1) * random.nextGaussian();
                score += (c + 1) * (value - 50.0 * c) / (c + 1);
                text.append(value).append(',');
            }
            double label = regression ? 3000.0 + 200.0 * score + random.nextGaussian()
                    : Math.floorMod((int) Math.floor(score), classes);
            text.append(label).append('\n');
        }
        return text.toString();
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }
}
