/**
 * Spark glue, driver side: the session and the driver's cores, the per-round evaluator (one partition per pack of trials over data
 * broadcast once), the Kryo registrator and serializers, the Spark ML model exporter and its writer of MLlib's model
 * directory format (no SQL session needed), and the reader of Parquet
 * files and catalog tables ({@link org.sparkhpo.spark.SparkColumnarReader}).
 */
package org.sparkhpo.spark;
