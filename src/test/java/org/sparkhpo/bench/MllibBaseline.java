package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;

/**
 * The MLlib baseline of the benchmark: {@code TrainValidationSplit} with {@code setParallelism(2)} over a
 * multinomial {@code LogisticRegression}, on the same rows as spark-hpo (train + validation of the same
 * configuration file, raw features: MLlib standardizes internally), regParam over the same L2 values and
 * maxIter over the given values. Prints {@code mllib <fit seconds> <test accuracy> <best params>}.
 *
 * <p>Usage: {@code MllibBaseline CONF master regParams maxIters scratchDir}, lists comma-separated. The rows are
 * written to Parquet under scratchDir and read back, as a production job would read them.
 */
public final class MllibBaseline {
    private MllibBaseline() {
    }

    public static void main(String[] args) {
        JobSettings settings = SettingsLoader.load(args[0], List.of("hpo.data.standardize=false",
                "hpo.data.precision=double"));
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        SparkSession spark = SparkSession.builder().master(args[1]).appName("mllib-baseline")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            // Through Parquet files, so the cached frames' lineage is a file scan (a frame made from driver rows
            // would ship its rows inside every task of every iteration).
            Dataset<Row> trainAndValidation = throughParquet(spark, frame(spark, data.train())
                    .union(frame(spark, data.validation())), args[4] + "/train-validation").cache();
            Dataset<Row> test = throughParquet(spark, frame(spark, data.test()), args[4] + "/test").cache();
            trainAndValidation.count();
            test.count();
            LogisticRegression lr = new LogisticRegression().setFamily("multinomial");
            ParamMap[] grid = new ParamGridBuilder()
                    .addGrid(lr.regParam(), doubles(args[2]))
                    .addGrid(lr.maxIter(), ints(args[3]))
                    .build();
            MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                    .setMetricName("accuracy");
            TrainValidationSplit split = new TrainValidationSplit().setEstimator(lr).setEvaluator(accuracy)
                    .setEstimatorParamMaps(grid).setParallelism(2).setSeed(settings.seed())
                    .setTrainRatio(data.train().rows() / (double) (data.train().rows() + data.validation().rows()));
            long start = System.nanoTime();
            TrainValidationSplitModel model = split.fit(trainAndValidation);
            double seconds = (System.nanoTime() - start) / 1e9;
            double testAccuracy = accuracy.evaluate(model.transform(test));
            System.out.printf(Locale.ROOT, "mllib %.1f %.4f regParam=%s,maxIter=%s%n", seconds, testAccuracy,
                    model.bestModel().get(lr.regParam()).orElse(null), model.bestModel().get(lr.maxIter()).orElse(null));
        } finally {
            spark.stop();
        }
    }

    private static Dataset<Row> throughParquet(SparkSession spark, Dataset<Row> frame, String path) {
        frame.repartition(2).write().mode("overwrite").parquet(path);
        return spark.read().parquet(path);
    }

    private static Dataset<Row> frame(SparkSession spark, LabeledData part) {
        List<Row> rows = new ArrayList<>(part.rows());
        int d = part.features().columns();
        for (int r = 0; r < part.rows(); r++) {
            double[] values = new double[d];
            for (int c = 0; c < d; c++) {
                values[c] = part.features().get(r, c);
            }
            rows.add(RowFactory.create(part.labels()[r], Vectors.dense(values).compressed()));
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())});
        return spark.createDataFrame(rows, schema);
    }

    private static double[] doubles(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
