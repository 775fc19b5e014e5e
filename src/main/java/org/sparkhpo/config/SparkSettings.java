package org.sparkhpo.config;

/**
 * Spark session settings ({@code hpo.spark}).
 *
 * @param master the master URL, empty to take spark-submit's (or local[*] when none)
 * @param appName the application name
 * @param logLevel the level of Spark's own loggers
 */
public record SparkSettings(String master, String appName, String logLevel) {
}
