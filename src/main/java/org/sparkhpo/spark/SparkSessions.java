package org.sparkhpo.spark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.sql.SparkSession;
import org.sparkhpo.config.SparkSettings;

/**
 * Starts the job's Spark context and session: Kryo with our registrator, quiet logs, one BLAS thread per task.
 * A tuning run starts the context alone ({@link #startContext}) and builds the SQL session on demand
 * ({@link SessionOnDemand}): the search needs only the context.
 */
public final class SparkSessions {
    /** The context {@link #startContext} returned last, which {@link #stopActive()} stops with the session. */
    private static final AtomicReference<SparkContext> started = new AtomicReference<>();

    private SparkSessions() {
    }

    /**
     * @param settings master, application name and log level
     * @return the session (an existing one is reused, as under spark-submit or in tests)
     */
    public static SparkSession create(SparkSettings settings) {
        return create(settings, 1);
    }

    /**
     * @param settings master, application name and log level
     * @param threads {@code hpo.training.threads}: in local mode {@code spark.task.cpus} (unless set already),
     *     so that each task holds the cores its trials train on ({@link TaskSlots})
     * @return the session (an existing one is reused, as under spark-submit or in tests)
     */
    public static SparkSession create(SparkSettings settings, int threads) {
        SparkSession session = SparkSession.builder().config(jobConf(settings, threads)).getOrCreate();
        quietLogs(settings.logLevel());
        return session;
    }

    /**
     * Starts the Spark context alone, without the SQL session (about a second less on the critical path: Scala
     * reflection, MLlib's SQL function registration and the SQL UI come with the session).
     *
     * @param settings master, application name and log level
     * @param threads {@code hpo.training.threads}, as in {@link #create(SparkSettings, int)}
     * @return the context (an existing one is reused, as under spark-submit or in tests)
     */
    public static SparkContext startContext(SparkSettings settings, int threads) {
        SparkConf conf = jobConf(settings, threads);
        // A session already running (a notebook, a test) is used as it is, as SparkSession.builder() would.
        scala.Option<SparkSession> running = SparkSession.getDefaultSession();
        SparkContext context = running.isDefined() ? running.get().sparkContext() : SparkContext.getOrCreate(conf);
        started.set(context);
        quietLogs(settings.logLevel());
        return context;
    }

    private static SparkConf jobConf(SparkSettings settings, int threads) {
        DefaultLogging.installIfUnconfigured();
        SparkConf conf = configure(new SparkConf(), settings);
        if (threads > 1 && TaskSlots.isLocal(conf.get("spark.master"))) {
            conf.setIfMissing("spark.task.cpus", Integer.toString(threads));
        }
        return conf;
    }

    /**
     * Applies the settings this job needs to a Spark configuration.
     *
     * @param conf the configuration (from spark-submit's properties when run under it)
     * @param settings our Spark settings
     * @return {@code conf}, for chaining
     */
    public static SparkConf configure(SparkConf conf, SparkSettings settings) {
        conf.setAppName(settings.appName());
        if (!settings.master().isEmpty()) {
            conf.setMaster(settings.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.set("spark.serializer", KryoSerializer.class.getName());
        conf.set("spark.kryo.registrator", HpoKryoRegistrator.class.getName());
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Each task already has a core of its own; a multithreaded BLAS inside it would oversubscribe.
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        return conf;
    }

    /** Sets Spark's and its libraries' loggers to {@code level} and keeps ours at INFO (progress lines). */
    public static void quietLogs(String level) {
        Configurator.setRootLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.WARN));
        Configurator.setLevel("org.sparkhpo", Level.INFO);
    }

    /** Stops the session and the context this JVM runs, if any (the end of a job, or of a test that ran one). */
    public static void stopActive() {
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        SparkContext context = started.getAndSet(null);
        if (context != null) {
            context.stop();
        }
    }
}
