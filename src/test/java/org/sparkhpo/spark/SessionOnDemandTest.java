package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sparkhpo.config.SparkSettings;

/**
 * A tuning run starts the Spark context alone and builds the SQL session on demand: the session is built once,
 * on the job's context, also when two threads ask at once (the data reader and the main thread);
 * {@link SparkSessions#stopActive()} stops a context that never had a session.
 */
class SessionOnDemandTest {
    @AfterEach
    void stop() {
        SparkSessions.stopActive();
    }

    private static SparkContext startLocal() {
        return SparkSessions.startContext(new SparkSettings("local[1]", "session-on-demand-test", "WARN",
                SparkSettings.AUTO_PACK_SIZE), 1);
    }

    @Test
    void theContextStartsWithoutASessionAndTheSessionIsBuiltOnceOnIt() throws Exception {
        SparkContext context = startLocal();
        assertTrue(SparkSession.getDefaultSession().isEmpty(), "no SQL session at start-up");
        SessionOnDemand sessions = new SessionOnDemand(() -> context);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<SparkSession> other = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return sessions.get();
        });
        go.countDown();
        SparkSession mine = sessions.get();
        assertSame(mine, other.get(), "both threads get the one session");
        assertSame(context, mine.sparkContext(), "the session runs on the job's context");
        assertSame(mine, sessions.get());
    }

    @Test
    void stopActiveStopsAContextThatNeverHadASession() {
        SparkContext context = startLocal();
        SparkSessions.stopActive();
        assertTrue(context.isStopped());
        assertFalse(SparkSession.getDefaultSession().isDefined());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
