/**
 * Spark glue, driver side: the session, the per-round evaluator (one partition per pack of trials over data
 * broadcast once), the Kryo registrator and serializers, and the Spark ML model exporter.
 */
package org.sparkhpo.spark;
