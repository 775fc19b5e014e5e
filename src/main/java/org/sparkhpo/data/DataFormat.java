package org.sparkhpo.data;

import java.util.Locale;
import org.sparkhpo.common.ConfigNamed;

/** The file formats the job reads. {@link #AUTO} decides by file name. */
public enum DataFormat implements ConfigNamed {
    AUTO, LIBSVM, CSV, IDX;

    /**
     * Decides the format of a file from its name when this is {@link #AUTO}: names containing
     * {@code idx1}/{@code idx3} or {@code -ubyte} are IDX, {@code .csv} (optionally gzipped) is CSV, everything
     * else ({@code .libsvm}, {@code .svm}, {@code .txt}, ...) is LIBSVM.
     *
     * @param location a path or URI
     * @return a concrete format, never {@link #AUTO}
     */
    public DataFormat resolve(String location) {
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
        return LIBSVM;
    }
}
