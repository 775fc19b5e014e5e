package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.DataSettings;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.LossType;

/**
 * A tuning run starts the Spark context alone and builds the SQL session on demand: the session is built once,
 * on the job's context, also when two threads ask at once (the background thread's warm-up and the model write);
 * the rehearsal of the model write leaves nothing behind; {@link SparkSessions#stopActive()} stops a context
 * that never had a session.
 */
class SessionOnDemandTest {
    @TempDir
    Path dir;

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
            return sessions.warm();
        });
        go.countDown();
        SparkSession mine = sessions.get();
        assertSame(mine, other.get(), "both threads get the one session");
        assertSame(context, mine.sparkContext(), "the session runs on the job's context");
        assertSame(mine, sessions.get());
    }

    @Test
    void theRehearsalWritesAModelAndLeavesNothingBehind() throws Exception {
        SparkContext context = startLocal();
        SparkSession session = new SessionOnDemand(() -> context).warm();
        Path csv = dir.resolve("rows.csv");
        StringBuilder rows = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 3).append(',').append(i * 0.5).append(',').append(i % 7).append('\n');
        }
        Files.writeString(csv, rows);
        PreparedData data = DataPreparer.prepare(new DataSettings(csv.toString(), "", "", "", csv.toString(), "",
                DataFormat.AUTO, "label", 0, 0.25, DataSettings.Standardize.AUTO, 0),
                LossType.SOFTMAX.task(), 0, 1L);
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        MllibModelExporter.rehearseSave(LossType.SOFTMAX, data, session.sparkContext().hadoopConfiguration(),
                scratch);
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count(), "the rehearsal's directory is deleted");
        }
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
