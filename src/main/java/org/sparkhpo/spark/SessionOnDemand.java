package org.sparkhpo.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The job's SQL session, built once on first use on top of the running Spark context. Only Parquet or table input
 * and the MLlib model write need a session; the search needs the context alone. Building the session costs about
 * a second beyond the context (Scala reflection, MLlib's SQL function registration, the SQL tab of the UI), so a
 * tuning run builds it on its background thread during the search instead of at start-up, where it would delay
 * the search.
 *
 * <p>Thread-safe: {@link #get()} may be called from the background thread and the driver's main thread; the
 * first call builds, later ones (and concurrent ones) wait for and return the same session.
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

    /**
     * Builds the session and forces what Spark makes lazily on its first query: the shared state (warehouse, the
     * SQL tab of the UI) and the session state (catalog, analyzer, planner).
     *
     * @return the session
     */
    public SparkSession warm() {
        org.apache.spark.sql.classic.SparkSession built = (org.apache.spark.sql.classic.SparkSession) get();
        built.sharedState();
        built.sessionState();
        return built;
    }
}
