package org.sparkhpo.spark;

import java.util.Locale;
import org.apache.spark.SparkConf;
import org.sparkhpo.common.InvalidInputException;

/**
 * Refuses, before anything is collected, an input whose compact arrays would not fit the driver, so the job
 * ends with a message naming the size and the setting to change instead of an {@link OutOfMemoryError} or a
 * Spark job aborted mid-way.
 *
 * <p>Reading holds the collected blocks and the assembled arrays at once, and the preparation that follows
 * (split, standardization) makes one more copy of the training rows, so the driver needs about
 * {@value #COPIES} times the compact size free. The blocks are task results, so their total must also stay
 * under {@code spark.driver.maxResultSize} (0: unlimited).
 *
 * @param maxResultBytes {@code spark.driver.maxResultSize} in bytes, 0 for unlimited
 * @param freeHeapBytes heap the driver can still allocate (maximum minus used)
 * @param maxHeapBytes the driver's maximum heap
 */
record DriverMemoryBudget(long maxResultBytes, long freeHeapBytes, long maxHeapBytes) {
    /** Copies of the compact arrays alive at the peak: collected blocks, assembled arrays, prepared copy. */
    static final int COPIES = 3;

    /**
     * @param conf the running application's configuration
     * @return the budget of this driver now
     */
    static DriverMemoryBudget of(SparkConf conf) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return new DriverMemoryBudget(conf.getSizeAsBytes("spark.driver.maxResultSize", "1g"),
                runtime.maxMemory() - used, runtime.maxMemory());
    }

    /**
     * @param location the input, for the message
     * @param summary its size
     * @throws InvalidInputException when the input is larger than an int-indexed array, than
     *     {@code spark.driver.maxResultSize}, or than {@value #COPIES} times fits in the free heap
     */
    void check(String location, InputSummary summary) {
        long bytes = summary.driverBytes();
        String size = String.format(Locale.ROOT, "%s: %,d rows x %,d features (%s) take %s as compact arrays",
                location, summary.rows(), summary.width(), summary.sparse()
                        ? String.format(Locale.ROOT, "sparse, %,d non-zeros", summary.nonZeros()) : "dense",
                megabytes(bytes));
        if (summary.storedValues() > Integer.MAX_VALUE - 8 || summary.rows() > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException(size + "; more than 2^31 stored values or rows do not fit one Java"
                    + " array: use fewer rows or features");
        }
        if (maxResultBytes > 0 && bytes > maxResultBytes) {
            throw new InvalidInputException(size + ", more than spark.driver.maxResultSize ("
                    + megabytes(maxResultBytes) + "): raise spark.driver.maxResultSize (0 = unlimited)");
        }
        if ((double) COPIES * bytes > freeHeapBytes) {
            throw new InvalidInputException(size + "; reading and preparing them needs about " + COPIES + "x that ("
                    + megabytes(COPIES * bytes) + ") of driver heap, but " + megabytes(freeHeapBytes) + " of "
                    + megabytes(maxHeapBytes) + " is free: raise spark.driver.memory (spark-submit --driver-memory;"
                    + " SPARK_HPO_MEMORY for scripts/run-local.sh)");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }
}
