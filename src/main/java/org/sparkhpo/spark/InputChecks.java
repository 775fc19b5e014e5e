package org.sparkhpo.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.sparkhpo.common.InvalidInputException;

/**
 * Checks the values of one input with one aggregation on the executors (rows, null/NaN/infinite labels and
 * features, smallest and largest vector size, non-zeros, sparse rows), so nothing is collected before the
 * input is known to be valid and its size known. When a check fails, one more query finds the first offending
 * row; Parquet inputs (files and tables stored as Parquet) name it by file and 0-based row within the file
 * (Spark's {@code _metadata.file_name} and {@code _metadata.row_index}), other sources without a row.
 */
final class InputChecks {
    private InputChecks() {
    }

    /**
     * @param frame the input as read
     * @param columns its resolved columns
     * @return what the executors found
     * @throws InvalidInputException naming the location, the column, the value and the row, for an empty
     *     input, a null, NaN or infinite label or feature, or vectors of different sizes
     */
    static InputSummary check(Dataset<Row> frame, FeatureColumns columns) {
        Column labelBad = notFinite(column(columns.label()));
        Column profile = columns.isVector() ? VectorFunctions.PROFILE.apply(column(columns.vector())) : null;
        Column featuresBad = columns.isVector()
                ? coalesce(profile.getField("nonFinite"), lit(true))
                : anyOf(columns.numeric().stream().map(c -> notFinite(column(c))).toList());
        Column size = columns.isVector() ? profile.getField("size") : lit(columns.numeric().size());
        Column nonZeros = columns.isVector() ? profile.getField("nonZeros") : lit((long) columns.numeric().size());
        Column sparse = columns.isVector() ? profile.getField("sparse") : lit(false);
        Row totals = frame.agg(count(lit(1)), count(when(labelBad, 1)), count(when(featuresBad, 1)),
                min(size), max(size), coalesce(sum(nonZeros), lit(0L)), count(when(sparse, 1))).first();
        String location = columns.location();
        if (totals.getLong(0) == 0) {
            throw new InvalidInputException(location + ": no rows");
        }
        if (totals.getLong(1) > 0) {
            throw badValue(frame, columns, labelBad, columns.label(), totals.getLong(1), "label");
        }
        if (totals.getLong(2) > 0) {
            throw badFeature(frame, columns, featuresBad, totals.getLong(2));
        }
        int smallest = totals.getInt(3);
        int largest = totals.getInt(4);
        if (smallest != largest) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s: column '%s': vectors of different sizes, %d%s and %d%s; every vector must have the same size",
                    location, columns.vector(), smallest, at(firstRow(frame, size.equalTo(smallest), List.of())),
                    largest, at(firstRow(frame, size.equalTo(largest), List.of()))));
        }
        return new InputSummary(totals.getLong(0), largest, totals.getLong(5), totals.getLong(6));
    }

    /** True for null, NaN and infinite values, as one expression (NaN compares above every number in Spark SQL). */
    static Column notFinite(Column value) {
        return coalesce(not(abs(value.cast("double")).lt(lit(Double.POSITIVE_INFINITY))), lit(true));
    }

    /** OR of the conditions as a balanced tree (hundreds of columns would make a deep left-leaning one). */
    private static Column anyOf(List<Column> conditions) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        int middle = conditions.size() / 2;
        return anyOf(conditions.subList(0, middle)).or(anyOf(conditions.subList(middle, conditions.size())));
    }

    /** A column by name, quoted so that names with dots or spaces are taken literally. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static InvalidInputException badFeature(Dataset<Row> frame, FeatureColumns columns, Column featuresBad,
            long offending) {
        if (columns.isVector()) {
            return badValue(frame, columns, featuresBad, columns.vector(), offending, "features");
        }
        Optional<Located> row = firstRow(frame, featuresBad, columns.numeric());
        String culprit = columns.numeric().get(0);
        if (row.isPresent()) {
            for (int i = 0; i < columns.numeric().size(); i++) {
                Object value = row.get().values().get(i);
                if (value == null || !Double.isFinite(((Number) value).doubleValue())) {
                    culprit = columns.numeric().get(i);
                    break;
                }
            }
        }
        return badValueMessage(columns.location(), culprit, row, offending, "features");
    }

    private static InvalidInputException badValue(Dataset<Row> frame, FeatureColumns columns, Column bad,
            String column, long offending, String what) {
        return badValueMessage(columns.location(), column, firstRow(frame, bad, List.of(column)), offending, what);
    }

    private static InvalidInputException badValueMessage(String location, String column, Optional<Located> row,
            long offending, String what) {
        String value = row.map(InputChecks::describeBadValue).orElse("a null, NaN or infinite value");
        return new InvalidInputException(String.format(Locale.ROOT,
                "%s: column '%s': %s%s (%d rows in all); %s must be finite numbers", location, column, value,
                at(row), offending, what));
    }

    /** The first null or non-finite value of a row, as text; a vector's values are not printed. */
    private static String describeBadValue(Located row) {
        for (Object value : row.values()) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
                return number.toString();
            }
        }
        return "a NaN or infinite value";
    }

    /** A row found by a check: where it is (when Spark says) and the values of the columns asked for. */
    private record Located(String file, long rowIndex, List<Object> values) {
        String where() {
            return file == null ? "" : " at row " + rowIndex + " of " + file;
        }
    }

    private static String at(Optional<Located> row) {
        return row.map(Located::where).orElse("");
    }

    /**
     * The first row meeting {@code condition}, with its file and row index when the source has Parquet's
     * metadata columns, else without; empty when no row matches.
     */
    private static Optional<Located> firstRow(Dataset<Row> frame, Column condition, List<String> valueColumns) {
        List<Column> selected = new ArrayList<>();
        valueColumns.forEach(c -> selected.add(column(c)));
        Dataset<Row> matching = frame.filter(condition);
        List<Column> located = new ArrayList<>(selected);
        located.add(functions.col("_metadata.file_name"));
        located.add(functions.col("_metadata.row_index"));
        Row row;
        boolean withLocation = true;
        try {
            row = firstOrNull(matching.select(located.toArray(Column[]::new)));
        } catch (Exception e) {
            if (!(e instanceof AnalysisException)) {
                throw e;
            }
            withLocation = false;
            row = firstOrNull(matching.select(selected.toArray(Column[]::new)));
        }
        if (row == null) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < valueColumns.size(); i++) {
            values.add(row.get(i));
        }
        int n = valueColumns.size();
        return Optional.of(withLocation ? new Located(row.getString(n), row.getLong(n + 1), values)
                : new Located(null, -1, values));
    }

    private static Row firstOrNull(Dataset<Row> frame) {
        List<Row> rows = frame.limit(1).collectAsList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
