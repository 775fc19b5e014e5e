package org.sparkhpo.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The job's SQL session, built once on first use on top of the running Spark context. Only Parquet or table input
 * needs a session; the search and the model write ({@link MllibModelFiles}) need the context alone. Building the
 * session costs about a second beyond the context (Scala reflection, MLlib's SQL function registration, the SQL
 * tab of the UI), which a job reading LIBSVM, CSV or IDX files never pays.
 *
 * <p>Thread-safe: {@link #get()} may be called from the background thread that reads the data and from the
 * driver's main thread; the first call builds, later ones (and concurrent ones) wait for and return the same
 * session.
 */
public final class SessionOnDemand implements Supplier<SparkSession> {
    private final Supplier<SparkContext> context;
    private SparkSession session;

    /** @param context the running context, or a supplier that waits until it runs */
    public SessionOnDemand(Supplier<SparkContext> context) {
        this.context = context;
    }

    /** @return the session on the job's context, built on the first call */
    @Override
    public synchronized SparkSession get() {
        if (session == null) {
            // Spark's classic builder on the given context; an existing default session (spark-submit's shell,
            // tests) is returned as it is.
            session = org.apache.spark.sql.classic.SparkSession.builder().sparkContext(context.get()).getOrCreate();
        }
        return session;
    }
}
