package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparkhpo.train.LossType;

/**
 * The model directory written without a SQL session is the one MLlib's own writer writes: for each model class,
 * the same Parquet schema and Spark row metadata in the data file's footer, the same metadata JSON but for its
 * timestamp, the {@code _SUCCESS} markers; and MLlib loads it back to the same coefficients and predictions.
 */
@ExtendWith(LocalSparkExtension.class)
class MllibModelFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LossType.class)
    void theDirectoryMatchesMllibsOwnWriterAndLoadsBack(LossType loss, SparkSession spark) throws IOException {
        MLWritable model = modelFor(loss);
        Path ours = dir.resolve("ours");
        Path mllibs = dir.resolve("mllib");
        MllibModelFiles.write(loss, model, new org.apache.hadoop.fs.Path(ours.toUri()), spark.sparkContext());
        model.write().save(mllibs.toString());

        FileMetaData ourFooter = footer(onlyFile(ours.resolve("data"), ".parquet"));
        FileMetaData mllibFooter = footer(onlyFile(mllibs.resolve("data"), ".parquet"));
        assertEquals(mllibFooter.getSchema(), ourFooter.getSchema(), "Parquet schema");
        for (String key : List.of(MllibDataFile.ROW_METADATA_KEY, MllibDataFile.SPARK_VERSION_KEY)) {
            assertEquals(mllibFooter.getKeyValueMetaData().get(key), ourFooter.getKeyValueMetaData().get(key), key);
        }
        assertEquals(withoutTimestamp(onlyFile(mllibs.resolve("metadata"), ".txt")),
                withoutTimestamp(onlyFile(ours.resolve("metadata"), ".txt")), "metadata JSON");
        assertTrue(Files.exists(ours.resolve("data/_SUCCESS")) && Files.exists(ours.resolve("metadata/_SUCCESS")));

        assertSameModel(loss, model, ours.toString());
    }

    /** Models of each class with distinct, non-round values (3 classes x 4 features for softmax). */
    private static MLWritable modelFor(LossType loss) {
        double[] weights = {0.5, -1.25, 2.0, 0.125};
        return switch (loss) {
            case SOFTMAX -> new LogisticRegressionModel("softmax-uid", new DenseMatrix(3, 4, new double[] {
                0.5, -1.25, 2.0, 0.125, 1.5, 0.0, -0.75, 3.0, -2.5, 0.25, 1.0, -0.5}, true),
                    Vectors.dense(0.1, -0.2, 0.3), 3, true);
            case LOGISTIC -> new LogisticRegressionModel("logistic-uid", Vectors.dense(weights), -0.375);
            case HINGE -> new LinearSVCModel("hinge-uid", Vectors.dense(weights), 0.625);
            case LEAST_SQUARES -> new LinearRegressionModel("ls-uid", Vectors.dense(weights), 42.5);
        };
    }

    private static void assertSameModel(LossType loss, MLWritable written, String path) {
        Model<?> loaded = switch (loss) {
            case SOFTMAX, LOGISTIC -> {
                LogisticRegressionModel expected = (LogisticRegressionModel) written;
                LogisticRegressionModel actual = LogisticRegressionModel.load(path);
                assertEquals(expected.numClasses(), actual.numClasses());
                assertEquals(expected.numFeatures(), actual.numFeatures());
                assertArrayEquals(expected.coefficientMatrix().toArray(), actual.coefficientMatrix().toArray());
                assertArrayEquals(expected.interceptVector().toArray(), actual.interceptVector().toArray());
                if (loss == LossType.LOGISTIC) {
                    assertEquals(expected.intercept(), actual.intercept());
                }
                yield actual;
            }
            case HINGE -> {
                LinearSVCModel actual = LinearSVCModel.load(path);
                assertArrayEquals(((LinearSVCModel) written).coefficients().toArray(), actual.coefficients().toArray());
                assertEquals(((LinearSVCModel) written).intercept(), actual.intercept());
                yield actual;
            }
            case LEAST_SQUARES -> {
                LinearRegressionModel actual = LinearRegressionModel.load(path);
                assertArrayEquals(((LinearRegressionModel) written).coefficients().toArray(),
                        actual.coefficients().toArray());
                assertEquals(((LinearRegressionModel) written).intercept(), actual.intercept());
                assertEquals(((LinearRegressionModel) written).scale(), actual.scale());
                yield actual;
            }
        };
        assertEquals(((Model<?>) written).uid(), loaded.uid());
    }

    private static Path onlyFile(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, matching.size(), "one part file in " + directory);
            return matching.get(0);
        }
    }

    private static FileMetaData footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return reader.getFooter().getFileMetaData();
        }
    }

    private static Map<String, Object> withoutTimestamp(Path metadata) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(metadata));
        assertTrue(json.get("timestamp").isNumber(), "a timestamp");
        json.remove("timestamp");
        return JSON.convertValue(json, Map.class);
    }
}
