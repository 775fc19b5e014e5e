package org.sparkhpo.app;

import java.io.IOException;
import java.util.concurrent.Future;
import org.sparkhpo.spark.SessionOnDemand;

/**
 * Builds the SQL session the model write needs on the background thread while the search runs
 * ({@link SessionOnDemand#warm}: the session, its catalog and planner; driver only, no Spark job), so the write
 * after the retrain does not pay for it at the end of the job, where nothing runs beside it. On a cluster the
 * driver idles during the search; in local mode it takes about a second of one core from the search (measured on
 * full Fashion-MNIST: search +0.9 s, outside the search -1.4 s; BENCHMARKS.md). A rehearsal of the write itself
 * beside the retrain was tried and dropped: it slowed the retrain as much as it sped the write.
 *
 * <p>A failure is logged and ignored: the real write reports a real problem. Driver-only; one per run.
 */
final class ModelWriterWarmUp {
    private final SessionOnDemand sessions;
    private final Background background;
    private final boolean enabled;
    private Future<Double> session;

    /**
     * @param sessions the run's SQL session, built on demand
     * @param background the run's background thread (its tasks run in order, so the write waits for this one)
     * @param enabled false when the run writes no model
     */
    ModelWriterWarmUp(SessionOnDemand sessions, Background background, boolean enabled) {
        this.sessions = sessions;
        this.background = background;
        this.enabled = enabled;
    }

    /** Starts building the SQL session and its state. */
    void start() {
        if (enabled) {
            session = background.start(() -> {
                long start = System.nanoTime();
                try {
                    sessions.warm();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ModelWriterWarmUp.class).warn("sql session warm-up: " + e);
                }
                return PhaseTimes.since(start);
            });
        }
    }

    /** Records the seconds of the warm-up when it ran (once the write, queued after it, is done). */
    void recordInto(PhaseTimes timings) throws IOException {
        if (session != null && session.isDone()) {
            timings.record("sql session", Background.join(session), "alongside the search");
        }
    }
}
