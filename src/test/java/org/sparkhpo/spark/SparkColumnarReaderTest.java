package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.data.ColumnSettings;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.SparseFeatures;

/**
 * The Spark reader on real Parquet files written by Spark in a temporary directory: MLlib's vector layout
 * (dense and sparse), numeric columns (listed, or all but the label), and every bad input with the location,
 * the column and, for Parquet, the file and row in the message.
 */
@ExtendWith(LocalSparkExtension.class)
class SparkColumnarReaderTest {
    private static final StructType VECTOR_SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, true)
            .add("features", new VectorUDT(), true);

    @TempDir
    Path dir;

    private final SparkSession spark;

    SparkColumnarReaderTest(SparkSession spark) {
        this.spark = spark;
    }

    /** Writes rows as one Parquet file (one file keeps the row order and makes row indices predictable). */
    private String parquet(String name, StructType schema, Row... rows) {
        String path = dir.resolve(name).toString();
        spark.createDataFrame(Arrays.asList(rows), schema).coalesce(1).write().parquet(path);
        return path;
    }

    private static LabeledData read(SparkSession spark, String location, ColumnSettings columns) {
        return new SparkColumnarReader(() -> spark, columns).read(location, DataFormat.PARQUET);
    }

    private LabeledData read(String location) {
        return read(spark, location, ColumnSettings.MLLIB_DEFAULTS);
    }

    private String readFails(String location, ColumnSettings columns) {
        return assertThrows(InvalidInputException.class, () -> read(spark, location, columns)).getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
        }
    }

    @Test
    void denseVectorsBecomeDenseRowMajorArraysInFileOrder() {
        String path = parquet("dense", VECTOR_SCHEMA,
                RowFactory.create(1.0, Vectors.dense(1, 2, 3)),
                RowFactory.create(0.0, Vectors.dense(4, 5, 6)),
                RowFactory.create(2.0, Vectors.sparse(3, new int[] {1}, new double[] {7})));
        LabeledData data = read(path);
        DenseFeatures features = assertInstanceOf(DenseFeatures.class, data.features());
        assertArrayEquals(new double[] {1, 0, 2}, data.labels());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 0, 7, 0}, features.values());
    }

    @Test
    void sparseVectorsStaySparse() {
        String path = parquet("sparse", VECTOR_SCHEMA,
                RowFactory.create(1.0, Vectors.sparse(100, new int[] {3, 50}, new double[] {1.5, -2})),
                RowFactory.create(0.0, Vectors.sparse(100, new int[] {}, new double[] {})),
                RowFactory.create(1.0, Vectors.sparse(100, new int[] {99}, new double[] {4})));
        LabeledData data = read(path);
        SparseFeatures features = assertInstanceOf(SparseFeatures.class, data.features());
        assertEquals(100, features.columns());
        assertArrayEquals(new int[] {0, 2, 2, 3}, features.rowStart());
        assertArrayEquals(new int[] {3, 50, 99}, features.columnIndices());
        assertArrayEquals(new double[] {1.5, -2, 4}, features.values());
    }

    @Test
    void numericColumnsAreReadAsListedOrAllButTheLabel() {
        StructType schema = new StructType().add("a", DataTypes.IntegerType).add("y", DataTypes.LongType)
                .add("b", DataTypes.FloatType).add("c", DataTypes.DoubleType);
        String path = parquet("numeric", schema, RowFactory.create(1, 0L, 2.5f, 3.0),
                RowFactory.create(4, 1L, 5.0f, 6.0));
        LabeledData listed = read(spark, path, new ColumnSettings("y", "features", List.of("c", "a")));
        assertArrayEquals(new double[] {3, 1, 6, 4}, ((DenseFeatures) listed.features()).values());
        assertArrayEquals(new double[] {0, 1}, listed.labels());
        LabeledData all = read(spark, path, new ColumnSettings("y", "", List.of()));
        assertArrayEquals(new double[] {1, 2.5, 3, 4, 5, 6}, ((DenseFeatures) all.features()).values());
    }

    @Test
    void missingColumnIsNamedWithTheColumnsThatExist() {
        String path = parquet("missing", VECTOR_SCHEMA, RowFactory.create(1.0, Vectors.dense(1)));
        assertContains(readFails(path, new ColumnSettings("target", "features", List.of())),
                path, "column 'target'", "does not exist", "columns: label, features");
        assertContains(readFails(path, new ColumnSettings("label", "vec", List.of())), "column 'vec'",
                "hpo.data.features-column");
    }

    @Test
    void vectorsOfMixedSizesAreRefusedWithTheRowsOfBothSizes() {
        String path = parquet("mixed", VECTOR_SCHEMA,
                RowFactory.create(1.0, Vectors.dense(1, 2, 3)),
                RowFactory.create(0.0, Vectors.dense(4, 5, 6)),
                RowFactory.create(1.0, Vectors.dense(7, 8)));
        assertContains(readFails(path, ColumnSettings.MLLIB_DEFAULTS), path, "column 'features'",
                "different sizes", "2 at row 2 of part-", "3 at row 0 of part-");
    }

    @Test
    void nullOrNanLabelIsRefusedWithItsRow() {
        String path = parquet("null-label", VECTOR_SCHEMA,
                RowFactory.create(1.0, Vectors.dense(1)),
                RowFactory.create(null, Vectors.dense(2)));
        assertContains(readFails(path, ColumnSettings.MLLIB_DEFAULTS), path, "column 'label': null at row 1 of part-",
                "1 rows in all");
        String nan = parquet("nan-label", VECTOR_SCHEMA, RowFactory.create(Double.NaN, Vectors.dense(1)));
        assertContains(readFails(nan, ColumnSettings.MLLIB_DEFAULTS), "column 'label': NaN at row 0");
    }

    @Test
    void nanOrNullFeatureIsRefusedWithColumnAndRow() {
        String inVector = parquet("nan-vector", VECTOR_SCHEMA,
                RowFactory.create(1.0, Vectors.dense(1, 2)),
                RowFactory.create(0.0, Vectors.dense(1, 2)),
                RowFactory.create(0.0, Vectors.sparse(2, new int[] {1}, new double[] {Double.NaN})));
        assertContains(readFails(inVector, ColumnSettings.MLLIB_DEFAULTS), "column 'features'",
                "NaN or infinite value at row 2 of part-");
        String nullVector = parquet("null-vector", VECTOR_SCHEMA, RowFactory.create(1.0, null));
        assertContains(readFails(nullVector, ColumnSettings.MLLIB_DEFAULTS), "column 'features': null at row 0");
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("a", DataTypes.DoubleType)
                .add("b", DataTypes.DoubleType);
        String numeric = parquet("nan-numeric", schema, RowFactory.create(1.0, 1.0, 2.0),
                RowFactory.create(0.0, 3.0, Double.NaN));
        assertContains(readFails(numeric, new ColumnSettings("label", "", List.of())),
                "column 'b': NaN at row 1 of part-");
    }

    @Test
    void stringFeatureColumnIsRefused() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("a", DataTypes.DoubleType)
                .add("colour", DataTypes.StringType);
        String path = parquet("strings", schema, RowFactory.create(1.0, 1.0, "red"));
        assertContains(readFails(path, new ColumnSettings("label", "", List.of())), path,
                "column 'colour'", "has type string", "must be numeric");
        assertContains(readFails(path, ColumnSettings.MLLIB_DEFAULTS), "column 'features'", "does not exist");
    }

    @Test
    void missingPathAndMissingTableAreNamed() {
        String path = dir.resolve("nowhere.parquet").toString();
        assertContains(readFails(path, ColumnSettings.MLLIB_DEFAULTS), path, "cannot read parquet");
        InvalidInputException table = assertThrows(InvalidInputException.class,
                () -> new SparkColumnarReader(() -> spark, ColumnSettings.MLLIB_DEFAULTS)
                        .read("table:default.no_such_table", DataFormat.TABLE));
        assertContains(table.getMessage(), "table:default.no_such_table", "does not exist", "spark_catalog");
    }

    @Test
    void tooLargeForTheDriverIsRefusedBeforeCollectingWithTheSettingToChange() {
        InputSummary summary = new InputSummary(1_000_000, 1_000, 1_000_000_000L, 0);
        String resultSize = assertThrows(InvalidInputException.class,
                () -> new DriverMemoryBudget(1L << 30, 64L << 30, 64L << 30).check("big.parquet", summary))
                .getMessage();
        assertContains(resultSize, "big.parquet", "1,000,000 rows x 1,000 features", "8,008.0 MB",
                "spark.driver.maxResultSize");
        String heap = assertThrows(InvalidInputException.class,
                () -> new DriverMemoryBudget(0, 16L << 30, 16L << 30).check("big.parquet", summary)).getMessage();
        assertContains(heap, "needs about 3x", "spark.driver.memory", "--driver-memory");
        new DriverMemoryBudget(0, 32L << 30, 32L << 30).check("big.parquet", summary);
    }

    @Test
    void sparseSizeIsEstimatedFromTheNonZeros() {
        InputSummary sparse = new InputSummary(1_000_000, 100_000, 50_000_000L, 1_000_000);
        assertTrue(sparse.sparse());
        assertEquals(8L * 1_000_000 + 4L * 1_000_001 + 12L * 50_000_000, sparse.driverBytes());
        InputSummary halfFull = new InputSummary(10, 10, 50, 10);
        assertEquals(false, halfFull.sparse());
    }
}
