package org.sparkhpo.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.sparkhpo.common.InvalidInputException;

/**
 * Which columns of a Parquet file or catalog table hold the label and the features
 * ({@code hpo.data.label-column}, {@code hpo.data.features-column}, {@code hpo.data.feature-columns}).
 * The features come from, in this order of precedence:
 * <ol>
 *   <li>{@code featureColumns}, when not empty: those numeric columns, in the order given;</li>
 *   <li>{@code featuresColumn}, when not empty: one {@code org.apache.spark.ml.linalg.Vector} column (dense
 *       or sparse), MLlib's layout as a {@code VectorAssembler} writes it;</li>
 *   <li>otherwise every column but the label, in the table's order; all must be numeric.</li>
 * </ol>
 *
 * @param labelColumn the numeric label column (MLlib's default {@code label})
 * @param featuresColumn the vector column (MLlib's default {@code features}); empty: numeric columns
 * @param featureColumns numeric feature columns; empty: the vector column, or every column but the label
 */
public record ColumnSettings(String labelColumn, String featuresColumn, List<String> featureColumns) {
    /** MLlib's defaults: {@code label} and a {@code features} vector column. */
    public static final ColumnSettings MLLIB_DEFAULTS = new ColumnSettings("label", "features", List.of());

    /** Checks that names are given, unique and apart from the label. */
    public ColumnSettings {
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(featuresColumn, "featuresColumn");
        featureColumns = List.copyOf(featureColumns);
        if (labelColumn.isEmpty()) {
            throw InvalidInputException.forKey("hpo.data.label-column", labelColumn, "must not be empty");
        }
        if (featureColumns.isEmpty() && featuresColumn.equals(labelColumn)) {
            throw InvalidInputException.forKey("hpo.data.features-column", featuresColumn,
                    "must differ from hpo.data.label-column");
        }
        HashSet<String> seen = new HashSet<>();
        for (String column : featureColumns) {
            if (column.isEmpty() || column.equals(labelColumn) || !seen.add(column)) {
                throw InvalidInputException.forKey("hpo.data.feature-columns", featureColumns,
                        "must hold distinct, non-empty names other than the label column '" + labelColumn + "'");
            }
        }
    }

    /** How the features are laid out, after the precedence rules above. */
    public enum Layout {
        /** Listed numeric columns. */
        LISTED_COLUMNS,
        /** One vector column. */
        VECTOR,
        /** Every column but the label. */
        ALL_BUT_LABEL
    }

    /** @return the layout the precedence rules choose */
    public Layout layout() {
        if (!featureColumns.isEmpty()) {
            return Layout.LISTED_COLUMNS;
        }
        return featuresColumn.isEmpty() ? Layout.ALL_BUT_LABEL : Layout.VECTOR;
    }
}
