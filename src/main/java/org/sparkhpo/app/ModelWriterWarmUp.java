package org.sparkhpo.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.spark.MllibModelExporter;
import org.sparkhpo.spark.SessionOnDemand;
import org.sparkhpo.train.LossType;

/**
 * Gets the model write ready on the background thread while other work runs, so the write after the retrain starts
 * warm instead of paying Spark SQL's start-up at the end of the job, where nothing runs beside it. Two stages:
 * <ol>
 *   <li>{@link #startSession} when the search starts: the SQL session and its state ({@link SessionOnDemand#warm};
 *       driver only, no Spark job). On a cluster the driver idles during the search; in local mode this takes
 *       about a second of one core from the search;</li>
 *   <li>{@link #startRehearsal} when the search ends, beside the driver's retrain (one core): in local mode a
 *       rehearsal of the write ({@link MllibModelExporter#rehearseSave}: the writer's classes and generated code).
 *       It is a Spark job, which during the search would wait for a task slot and then delay the next round.</li>
 * </ol>
 * A failure of either is logged and ignored: the real write reports a real problem. Driver-only; one per run.
 */
final class ModelWriterWarmUp {
    private final SessionOnDemand sessions;
    private final Background background;
    private final boolean enabled;
    private Future<Double> session;
    private Future<Double> rehearsal;

    /**
     * @param sessions the run's SQL session, built on demand
     * @param background the run's background thread (its tasks run in order, so the write waits for these)
     * @param enabled false when the run writes no model
     */
    ModelWriterWarmUp(SessionOnDemand sessions, Background background, boolean enabled) {
        this.sessions = sessions;
        this.background = background;
        this.enabled = enabled;
    }

    /** Starts building the SQL session and its state. */
    void startSession() {
        if (enabled) {
            session = background.start(timed(() -> sessions.warm()));
        }
    }

    /** In local mode, starts the rehearsal of the write of a model for this loss and data. */
    void startRehearsal(LossType loss, PreparedData data) {
        if (enabled) {
            rehearsal = background.start(timed(() -> {
                SparkSession spark = sessions.get();
                if (spark.sparkContext().isLocal()) {
                    MllibModelExporter.rehearseSave(loss, data, spark.sparkContext().hadoopConfiguration(),
                            Path.of(System.getProperty("java.io.tmpdir")));
                }
                return null;
            }));
        }
    }

    /** Records the seconds of the stages that ran (once the write, queued after them, is done). */
    void recordInto(PhaseTimes timings) throws IOException {
        if (session != null && session.isDone()) {
            timings.record("sql session", Background.join(session), "alongside the search");
        }
        if (rehearsal != null && rehearsal.isDone()) {
            timings.record("write rehearsal", Background.join(rehearsal), "alongside the retrain");
        }
    }

    private static Callable<Double> timed(Callable<?> work) {
        return () -> {
            long start = System.nanoTime();
            try {
                work.call();
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ModelWriterWarmUp.class).warn(String.format(Locale.ROOT,
                        "model writer warm-up: %s", e));
            }
            return PhaseTimes.since(start);
        };
    }
}
