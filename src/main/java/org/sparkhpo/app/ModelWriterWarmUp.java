package org.sparkhpo.app;

import java.io.IOException;
import java.util.concurrent.Future;
import org.sparkhpo.spark.SessionOnDemand;

/**
 * Builds the SQL session the model write needs on the background thread ({@link SessionOnDemand#warm}: the
 * session, its catalog and planner; driver only, no Spark job) where a core idles: on a cluster during the search
 * (the driver only waits for tasks), in local mode beside the driver's one-thread retrain (during the search the
 * tasks hold every core: built there, it took 0.9 s from the search of full Fashion-MNIST and lowered the 2-core
 * speed-up from 1.65x to 1.39x; BENCHMARKS.md). A rehearsal of the write itself beside the retrain was tried and
 * dropped: it slowed the retrain as much as it sped the write.
 *
 * <p>A failure is logged and ignored: the real write reports a real problem. Driver-only; one per run.
 */
final class ModelWriterWarmUp {
    private final SessionOnDemand sessions;
    private final Background background;
    private final boolean enabled;
    private Future<Double> session;
    private String where;

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

    /** On a cluster, starts the warm-up when the search starts. */
    void startBesideTheSearch(boolean local) {
        if (!local) {
            start("alongside the search");
        }
    }

    /** In local mode (or when the search did not start it), starts the warm-up when the retrain starts. */
    void startBesideTheRetrain() {
        start("alongside the retrain");
    }

    /** Starts building the SQL session and its state, unless it was started already. */
    private void start(String phase) {
        if (enabled && session == null) {
            where = phase;
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
            timings.record("sql session", Background.join(session), where);
        }
    }
}
