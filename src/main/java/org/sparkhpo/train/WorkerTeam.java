package org.sparkhpo.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * T - 1 threads that run parts 1 .. T - 1 of a fork-join step while the caller runs part 0. Built for the
 * mini-batch loop of a {@link TrainingPack}: several steps per mini-batch, each a few hundred microseconds,
 * where a thread pool's hand-off (a futex wake per task, then the wait for the scheduler) costs as much as the
 * work it hands off. So a worker spins on a volatile generation counter for {@link #SPIN_NANOS} after its part
 * before it parks, and the caller spins for the workers' parts: the wait policy of OpenMP runtimes (the
 * "active" phase of {@code OMP_WAIT_POLICY}, GOMP_SPINCOUNT), here for the cores the Spark task holds
 * ({@code spark.task.cpus} = the trial's threads), so the spinning takes no core from another task.
 *
 * <p>Written by hand: {@code java.util.concurrent}'s pools and phasers park at once (ForkJoinPool spins briefly
 * only while scanning for work), which is what measured slower here (BENCHMARKS.md, issue 13).
 *
 * <p>Lifecycle: built with its kernel, {@link #close()}d when the pack ends; one caller at a time.
 */
final class WorkerTeam implements AutoCloseable {
    /** How long an idle worker spins before it parks: longer than the serial gaps inside a mini-batch. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile long generation;
    private volatile IntConsumer task;
    private volatile int parts;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** @param size T, the parts of a step including the caller's, >= 1 */
    WorkerTeam(int size) {
        this.workers = new Thread[size - 1];
        for (int w = 0; w < workers.length; w++) {
            int part = w + 1;
            workers[w] = new Thread(() -> work(part), "spark-hpo-training-" + part);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    /**
     * Runs {@code step} for parts 0 .. parts - 1 (part 0 on this thread) and returns when all are done.
     *
     * @param count how many parts, in [1, T]
     * @param step the work of one part
     * @throws IllegalStateException when a worker's part threw
     */
    void run(int count, IntConsumer step) {
        failure = null;
        task = step;
        parts = count;
        remaining.set(count - 1);
        generation++;
        for (int w = 0; w < count - 1; w++) {
            LockSupport.unpark(workers[w]);
        }
        step.accept(0);
        while (remaining.get() > 0) {
            Thread.onSpinWait();
        }
        Throwable thrown = failure;
        if (thrown != null) {
            throw new IllegalStateException("a training thread failed: " + thrown, thrown);
        }
    }

    private void work(int part) {
        long seen = 0L;
        while (!closed) {
            long current = awaitGeneration(seen);
            if (current == seen) {
                continue;
            }
            seen = current;
            if (part < parts) {
                try {
                    task.accept(part);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    remaining.decrementAndGet();
                }
            }
        }
    }

    /** Spins, then parks, until the generation moves past {@code seen} (or the team closes). */
    private long awaitGeneration(long seen) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        long current = generation;
        while (current == seen && !closed) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
            current = generation;
        }
        return current;
    }

    /** Stops the workers. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}
