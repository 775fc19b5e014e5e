package org.sparkhpo.data;

import java.util.Locale;
import org.sparkhpo.common.ConfigNamed;

/**
 * The data formats the job reads. {@link #AUTO} decides by file name. {@link #PARQUET} and {@link #TABLE}
 * are read through Spark (a {@link ColumnarReader}); a location starting with {@value #TABLE_PREFIX} always
 * names a table of the session's catalog, whatever the configured format.
 */
public enum DataFormat implements ConfigNamed {
    AUTO, LIBSVM, CSV, IDX, PARQUET, TABLE;

    /** Prefix of a location that names a catalog table, e.g. {@code table:default.train}. */
    public static final String TABLE_PREFIX = "table:";

    /** The values {@code hpo.data.format} accepts (a table is named by its location, not by the format). */
    public static final DataFormat[] CONFIGURABLE = {AUTO, LIBSVM, CSV, IDX, PARQUET};

    /**
     * Decides the format of a location: {@code table:...} is a {@link #TABLE}; otherwise a concrete format is
     * kept, and {@link #AUTO} decides by name: names containing {@code idx1}/{@code idx3} or {@code -ubyte} are
     * IDX, {@code .csv} (optionally gzipped) is CSV, {@code .parquet} is Parquet, everything else
     * ({@code .libsvm}, {@code .svm}, {@code .txt}, ...) is LIBSVM.
     *
     * @param location a path, URI or {@code table:} name
     * @return a concrete format, never {@link #AUTO}
     */
    public DataFormat resolve(String location) {
        if (location.startsWith(TABLE_PREFIX)) {
            return TABLE;
        }
        if (this != AUTO) {
            return this;
        }
        String name = location.toLowerCase(Locale.ROOT);
        if (name.contains("idx1") || name.contains("idx3") || name.contains("-ubyte")) {
            return IDX;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CSV;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parquet/")) {
            return PARQUET;
        }
        return LIBSVM;
    }

    /** @return true for the formats read through Spark rather than by this package's file readers */
    public boolean needsSpark() {
        return this == PARQUET || this == TABLE;
    }
}
