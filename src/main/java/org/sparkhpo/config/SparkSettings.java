package org.sparkhpo.config;

/**
 * Spark session settings ({@code hpo.spark}).
 *
 * @param master the master URL, empty to take spark-submit's (or local[*] when none)
 * @param appName the application name
 * @param logLevel the level of Spark's own loggers
 * @param packSize the most trials trained together in one task ({@code hpo.spark.pack-size}), or
 *     {@link #AUTO_PACK_SIZE} for ceil(round size / task slots)
 * @param lendIdleCores {@code hpo.spark.idle-cores = lend}: a round with fewer packs than task slots trains each
 *     pack on the cores the missing packs leave idle ({@code leave}: false)
 */
public record SparkSettings(String master, String appName, String logLevel, int packSize, boolean lendIdleCores) {
    /** {@code packSize} of {@code hpo.spark.pack-size = auto}. */
    public static final int AUTO_PACK_SIZE = 0;

    /**
     * Settings that leave idle cores idle (tests and benchmarks that time one thread per trial).
     *
     * @param master the master URL
     * @param appName the application name
     * @param logLevel the level of Spark's own loggers
     * @param packSize the most trials per task, or {@link #AUTO_PACK_SIZE}
     */
    public SparkSettings(String master, String appName, String logLevel, int packSize) {
        this(master, appName, logLevel, packSize, false);
    }

    public SparkSettings {
        if (packSize < 0) {
            throw new IllegalArgumentException("pack size " + packSize + " must be >= 0 (0 = auto)");
        }
    }
}
