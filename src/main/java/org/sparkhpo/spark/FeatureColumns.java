package org.sparkhpo.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparkhpo.data.ColumnSettings;
import org.sparkhpo.common.InvalidInputException;

/**
 * The label and feature columns of one input, resolved against its schema by the precedence rules of
 * {@link ColumnSettings}: one {@code ml.linalg.Vector} column, or a list of numeric columns. Checks names and
 * types on the driver from the schema alone, before any Spark job runs: a missing column, a label that is
 * not numeric, a vector column of another type and a string (or other non-numeric) feature column fail with
 * the input's location and the column.
 *
 * @param location the file or {@code table:} name, for messages
 * @param label the label column
 * @param vector the vector column, or null for numeric columns
 * @param numeric the numeric feature columns in order (empty for a vector column)
 */
record FeatureColumns(String location, String label, String vector, List<String> numeric) {

    /**
     * @param location the file or table, for messages
     * @param schema the input's schema
     * @param settings the configured column names
     * @return the resolved columns
     * @throws InvalidInputException for a missing column or a column of the wrong type
     */
    static FeatureColumns resolve(String location, StructType schema, ColumnSettings settings) {
        String label = settings.labelColumn();
        requireNumeric(location, schema, label, "the label column (hpo.data.label-column)");
        return switch (settings.layout()) {
            case VECTOR -> {
                DataType type = field(location, schema, settings.featuresColumn(),
                        "the features column (hpo.data.features-column)").dataType();
                if (!(type instanceof VectorUDT)) {
                    throw new InvalidInputException(location + ": column '" + settings.featuresColumn() + "' has type "
                            + type.simpleString() + "; the features column must be an org.apache.spark.ml.linalg.Vector"
                            + " (or set hpo.data.features-column = \"\" to use numeric columns)");
                }
                yield new FeatureColumns(location, label, settings.featuresColumn(), List.of());
            }
            case LISTED_COLUMNS -> numeric(location, schema, label, settings.featureColumns());
            case ALL_BUT_LABEL -> numeric(location, schema, label, Arrays.stream(schema.fieldNames())
                    .filter(name -> !name.equals(label)).toList());
        };
    }

    /** @return true when the features are one vector column */
    boolean isVector() {
        return vector != null;
    }

    private static FeatureColumns numeric(String location, StructType schema, String label, List<String> columns) {
        if (columns.isEmpty()) {
            throw new InvalidInputException(location + ": no feature columns besides the label '" + label + "'");
        }
        List<String> checked = new ArrayList<>(columns.size());
        for (String column : columns) {
            requireNumeric(location, schema, column, "a feature column");
            checked.add(column);
        }
        return new FeatureColumns(location, label, null, checked);
    }

    private static void requireNumeric(String location, StructType schema, String column, String role) {
        DataType type = field(location, schema, column, role).dataType();
        if (!(type instanceof NumericType)) {
            throw new InvalidInputException(location + ": column '" + column + "' (" + role + ") has type "
                    + type.simpleString() + "; it must be numeric");
        }
    }

    private static StructField field(String location, StructType schema, String column, String role) {
        for (StructField field : schema.fields()) {
            if (field.name().equals(column)) {
                return field;
            }
        }
        throw new InvalidInputException(location + ": column '" + column + "' (" + role + ") does not exist; columns: "
                + String.join(", ", schema.fieldNames()));
    }
}
