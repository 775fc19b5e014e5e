package org.sparkhpo.data;

import org.sparkhpo.common.InvalidInputException;

/**
 * Reads the inputs that only Spark can read, {@link DataFormat#PARQUET} files and {@link DataFormat#TABLE}s of
 * the session's catalog, into the same compact {@link LabeledData} the file readers produce (raw labels,
 * dense or CSR features). The implementation lives in the {@code spark} package, which is allowed to import
 * Spark; {@link DataPreparer} sees only this interface. Driver-only.
 */
@FunctionalInterface
public interface ColumnarReader {
    /** A reader for jobs without Spark inputs: it rejects every location it is asked for. */
    ColumnarReader NONE = (location, format) -> {
        throw new InvalidInputException(location + ": format " + format.configName()
                + " needs a Spark session, and none is available here");
    };

    /**
     * @param location a Parquet path or URI, or {@code table:name}
     * @param format {@link DataFormat#PARQUET} or {@link DataFormat#TABLE}
     * @return the rows, labels not yet encoded
     * @throws InvalidInputException naming the location, the column and, where Spark
     *     gives one, the row, when the input is missing or breaks a rule
     */
    LabeledData read(String location, DataFormat format);
}
