package org.sparkhpo.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.IdxReader;
import org.sparkhpo.data.LabeledData;

/**
 * Writes an IDX data set (images and labels) as Parquet in MLlib's layout: a {@code label} double column and
 * a {@code features} dense {@code ml.linalg.Vector} column, one row per image, in the IDX order. Used by
 * {@code scripts/parquet-copy.sh} to make the Parquet copy of the embedded data that {@code conf/parquet.conf}
 * reads, and of full Fashion-MNIST for the benchmarks.
 *
 * <p>Usage: {@code ParquetCopy IMAGES_IDX OUTPUT_DIR [IMAGES_IDX OUTPUT_DIR]...} (labels: the images path with
 * {@code images-idx3} replaced by {@code labels-idx1}). Each copy is written to {@code OUTPUT_DIR.tmp} and
 * renamed into place, so an existing {@code OUTPUT_DIR} is always complete; an existing one is left alone.
 */
public final class ParquetCopy {
    /** Schema of the copy: MLlib's {@code label} and {@code features}. */
    static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", new VectorUDT(), false);

    private ParquetCopy() {
    }

    /** @param args pairs of IDX images file and output directory */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: ParquetCopy IMAGES_IDX OUTPUT_DIR [IMAGES_IDX OUTPUT_DIR]...");
            System.exit(2);
        }
        SparkSession spark = SparkSessions.create(new SparkSettings("", "spark-hpo-parquet-copy", "WARN", SparkSettings.AUTO_PACK_SIZE));
        try {
            for (int i = 0; i < args.length; i += 2) {
                write(spark, IdxReader.read(args[i], IdxReader.labelsLocationFor(args[i])), args[i + 1]);
                System.err.println("spark-hpo: wrote " + args[i + 1]);
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * @param spark the session
     * @param data the rows (dense features)
     * @return the rows as a data frame in MLlib's layout
     */
    static Dataset<Row> frame(SparkSession spark, LabeledData data) {
        DenseFeatures features = (DenseFeatures) data.features();
        int width = features.columns();
        List<Row> rows = new ArrayList<>(data.rows());
        double[] values = features.values();
        for (int r = 0; r < data.rows(); r++) {
            double[] row = new double[width];
            System.arraycopy(values, r * width, row, 0, width);
            rows.add(RowFactory.create(data.labels()[r], Vectors.dense(row)));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * Writes {@code data} to {@code output} unless it exists (through a temporary directory and a rename).
     *
     * @param spark the session
     * @param data the rows
     * @param output the Parquet directory to create
     */
    static void write(SparkSession spark, LabeledData data, String output) throws IOException {
        Path target = new Path(output);
        FileSystem fileSystem = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fileSystem.exists(target)) {
            return;
        }
        Path temporary = new Path(output + ".tmp");
        fileSystem.delete(temporary, true);
        // One file keeps the IDX row order when it is read back (Spark orders the splits of several files by size).
        frame(spark, data).coalesce(1).write().parquet(temporary.toString());
        if (!fileSystem.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }
}
