package org.sparkhpo.spark;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkhpo.data.ColumnSettings;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.ColumnarReader;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.LabeledData;

/**
 * Reads Parquet files (any Hadoop URI, a file or a directory of part files) and catalog tables
 * ({@code table:db.name}, through the session's catalog: {@code spark_catalog}, a Hive metastore, or a
 * Delta or Iceberg catalog configured in the session) with Spark's own readers, on the executors, into the
 * compact {@link LabeledData} the file readers produce. Driver-only; one call per input:
 * <ol>
 *   <li>load the input lazily ({@code spark.read().parquet}, {@code spark.table}); a path or table that does
 *       not exist fails here;</li>
 *   <li>resolve the label and feature columns against the schema ({@link FeatureColumns}): names and types;</li>
 *   <li>check the values with one aggregation on the executors ({@link InputChecks}): rows, nulls, NaN and
 *       infinities, vector sizes, non-zeros;</li>
 *   <li>compare the compact size with the driver's budget ({@link DriverMemoryBudget}) before collecting;</li>
 *   <li>build one block per partition on the executors and assemble them on the driver ({@link RowBlocks}).</li>
 * </ol>
 * The session is created on first use, so a job without Spark inputs reads its files before Spark starts.
 */
public final class SparkColumnarReader implements ColumnarReader {
    private final Supplier<SparkSession> session;
    private final ColumnSettings columns;

    /**
     * @param session gives the active session (created on first use)
     * @param columns the configured label and feature columns
     */
    public SparkColumnarReader(Supplier<SparkSession> session, ColumnSettings columns) {
        this.session = Objects.requireNonNull(session, "session");
        this.columns = Objects.requireNonNull(columns, "columns");
    }

    @Override
    public LabeledData read(String location, DataFormat format) {
        SparkSession spark = session.get();
        Dataset<Row> frame = load(spark, location, format);
        FeatureColumns resolved = FeatureColumns.resolve(location, frame.schema(), columns);
        InputSummary summary = InputChecks.check(frame, resolved);
        DriverMemoryBudget.of(spark.sparkContext().getConf()).check(location, summary);
        return RowBlocks.collect(frame, resolved, summary);
    }

    private static Dataset<Row> load(SparkSession spark, String location, DataFormat format) {
        try {
            if (format == DataFormat.TABLE) {
                String table = location.substring(DataFormat.TABLE_PREFIX.length()).trim();
                if (table.isEmpty() || !spark.catalog().tableExists(table)) {
                    throw new InvalidInputException(location + ": table '" + table + "' does not exist in the"
                            + " session's catalog (current catalog " + spark.catalog().currentCatalog()
                            + ", database " + spark.catalog().currentDatabase() + ")");
                }
                return spark.table(table);
            }
            return spark.read().parquet(location);
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof AnalysisException || e instanceof IllegalArgumentException) {
                throw new InvalidInputException(location + ": cannot read " + format.configName() + ": "
                        + firstLine(e.getMessage()), e);
            }
            throw e;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
