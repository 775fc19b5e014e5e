package org.sparkhpo.config;

/**
 * Spark session settings ({@code hpo.spark}).
 *
 * @param master the master URL, empty to take spark-submit's (or local[*] when none)
 * @param appName the application name
 * @param logLevel the level of Spark's own loggers
 * @param packSize the most trials trained together in one task ({@code hpo.spark.pack-size}), or
 *     {@link #AUTO_PACK_SIZE} for ceil(round size / task slots)
 */
public record SparkSettings(String master, String appName, String logLevel, int packSize) {
    /** {@code packSize} of {@code hpo.spark.pack-size = auto}. */
    public static final int AUTO_PACK_SIZE = 0;

    public SparkSettings {
        if (packSize < 0) {
            throw new IllegalArgumentException("pack size " + packSize + " must be >= 0 (0 = auto)");
        }
    }
}
