package org.sparkhpo.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a pack's checkpoints on a few threads at once. Each write is durable (synced before the atomic rename,
 * {@code HadoopCheckpointStore}): on a local disk about 20-60 ms, most of it the sync, against a few milliseconds
 * of the rest of a trial's result, so a rung of 14 packed trials spent more time writing its checkpoints one
 * after another than training (BENCHMARKS.md, issue 13). Issued together, the syncs overlap (the file system
 * commits them in groups) and with the results' other work on the task's thread. The task still returns only
 * once every write has ended, so a journaled trial's checkpoint is on disk, as before.
 *
 * <p>Lifecycle: one per pack inside a task; its threads (daemon, at most {@link #THREADS}) start with the first
 * write and stop in {@link #close()}. The store is used from those threads at once (Hadoop's file contexts
 * are). Not thread-safe itself: one caller.
 */
final class CheckpointWrites implements AutoCloseable {
    /** The most writes in flight. */
    static final int THREADS = 4;
    private static final AtomicInteger NEXT_THREAD = new AtomicInteger();

    private final Map<Integer, Future<?>> writes = new LinkedHashMap<>();
    private ExecutorService threads;

    /**
     * Starts writing {@code checkpoint} to {@code store}.
     *
     * @param key which result the write belongs to (its failure is reported under it)
     * @param store where to write
     * @param checkpoint what to write (not changed afterwards)
     */
    void submit(int key, CheckpointStore store, Checkpoint checkpoint) {
        if (threads == null) {
            threads = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "spark-hpo-checkpoint-" + NEXT_THREAD.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        writes.put(key, threads.submit(() -> store.write(checkpoint)));
    }

    /**
     * Waits for every write submitted so far.
     *
     * @return the failed writes' exceptions by key, in submission order; empty when all succeeded
     */
    Map<Integer, Throwable> awaitAll() {
        Map<Integer, Throwable> failures = new LinkedHashMap<>();
        List<Map.Entry<Integer, Future<?>>> pending = new ArrayList<>(writes.entrySet());
        writes.clear();
        boolean interrupted = false;
        for (Map.Entry<Integer, Future<?>> write : pending) {
            while (true) {
                try {
                    write.getValue().get();
                    break;
                } catch (ExecutionException e) {
                    failures.put(write.getKey(), e.getCause());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failures;
    }

    /** Stops the threads (after {@link #awaitAll()}, none is busy). */
    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
