package org.sparkhpo.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the job's fixed costs off the critical path: one daemon thread that prepares the data while Spark
 * starts, and writes the model while the test metrics are computed. {@link #join} hands back the value or
 * rethrows the task's own exception unwrapped (so bad input still exits with code 2).
 *
 * <p>Driver-only; one per run; {@link #close()} stops the thread.
 */
final class Background implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "spark-hpo-background");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts {@code work} on the background thread. */
    <T> Future<T> start(Callable<T> work) {
        return executor.submit(work);
    }

    /**
     * Waits for {@code future}.
     *
     * @return its value
     * @throws java.io.IOException when the work threw one
     * @throws RuntimeException the work's own (InvalidInputException included)
     */
    static <T> T join(Future<T> future) throws java.io.IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for background work", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof java.io.IOException io) {
                throw io;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
