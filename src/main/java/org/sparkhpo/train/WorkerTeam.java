package org.sparkhpo.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * T - 1 threads that run parts 1 .. T - 1 of a fork-join step while the caller runs part 0. Built for the
 * mini-batch loop of a {@link TrainingPack}: several steps per mini-batch, each a few hundred microseconds,
 * where a thread pool's hand-off (a futex wake per task, then the wait for the scheduler) costs as much as the
 * work it hands off. So a worker spins on the published step's generation for {@link #SPIN_NANOS} after its part
 * before it parks, and the caller spins as long for the workers' parts before it parks (the last worker unparks
 * it): the wait policy of OpenMP runtimes (a bounded active phase, {@code GOMP_SPINCOUNT}, then a passive one),
 * here for the cores the Spark task holds ({@code spark.task.cpus} = the trial's threads), so the spinning takes
 * no core from another task. The bound matters when the cores are shared anyway (other processes on the
 * machine): a thread that lost its core mid-part then gets it back from a parked waiter instead of waiting out
 * a spinning one's time slice. When such stalls pile up, the caller stops handing work over for a while and
 * runs every part itself ({@link #noteStep}): fine-grained fork-join collapses under oversubscription (measured:
 * one model's epoch 0.52 s on two threads against 0.055 s on one, beside two busy processes on 2 cores), one
 * thread does not.
 *
 * <p>Written by hand: {@code java.util.concurrent}'s pools and phasers park at once (ForkJoinPool spins briefly
 * only while scanning for work), which is what measured slower here (BENCHMARKS.md, issue 13).
 *
 * <p>Lifecycle: built with its kernel, {@link #close()}d when the pack ends; one caller at a time.
 */
final class WorkerTeam implements AutoCloseable {
    /**
     * How long an idle worker, or a caller waiting for its workers, spins before it parks: far longer than the
     * serial gaps inside a mini-batch and than a parked thread's wake-up on a virtual machine (a few hundred
     * microseconds when its virtual CPU has halted), so that one late step does not make the other thread park
     * and be late in turn.
     */
    static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * A step whose caller waits longer than this for its workers is a stall: far longer than a balanced part's
     * lag, so a worker was off its core (descheduled, or parked and woken late).
     */
    static final long STALL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** The longest a parked caller sleeps before it looks again (the last worker unparks it sooner). */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Steps over which stalls are counted. */
    static final int WINDOW = 256;
    /** Stalls in a window (steps whose caller waited past {@link #STALL_NANOS}) that make the caller run alone. */
    static final int STALLS_TO_RUN_ALONE = 8;
    /**
     * Steps the caller runs alone (every part, in order) after a first fall-back, before it tries its workers
     * again; each fall-back doubles the next spell, up to {@link #MAX_ALONE_STEPS}, and each window without a
     * stall halves it back (exponential back-off: a burst of other work, such as the JIT compiler's at the start,
     * costs little; a machine that stays oversubscribed ends up running alone).
     */
    static final int FIRST_ALONE_STEPS = 256;
    /** The longest alone spell, in steps (a few epochs of one model on Fashion-MNIST). */
    static final int MAX_ALONE_STEPS = 16_384;

    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Step published = new Step(0L, 0, part -> { });
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile Thread caller;
    private int stepsInWindow;
    private int stallsInWindow;
    private int aloneStepsLeft;
    private int aloneSteps = FIRST_ALONE_STEPS;
    private int fallbacks;

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
        if (aloneStepsLeft > 0 || count == 1) {
            aloneStepsLeft = Math.max(0, aloneStepsLeft - 1);
            for (int part = 0; part < count; part++) {
                step.accept(part);
            }
            return;
        }
        failure = null;
        caller = Thread.currentThread();
        remaining.set(count - 1);
        published = new Step(published.generation() + 1, count, step);
        for (int w = 0; w < count - 1; w++) {
            LockSupport.unpark(workers[w]);
        }
        try {
            step.accept(0);
        } finally {
            noteStep(awaitWorkers());
        }
        Throwable thrown = failure;
        if (thrown != null) {
            throw new IllegalStateException("a training thread failed: " + thrown, thrown);
        }
    }

    /**
     * Spins while the workers finish their parts, then parks until the last one unparks it: on a core shared
     * with other processes, a worker may lose its core mid-part, and spinning on would take the core it needs.
     */
    private boolean awaitWorkers() {
        long start = System.nanoTime();
        long now = start;
        while (remaining.get() > 0) {
            if (now - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
            now = System.nanoTime();
        }
        return now - start > STALL_NANOS;
    }

    /**
     * Counts a step's stall; after {@link #STALLS_TO_RUN_ALONE} in a window of {@link #WINDOW} steps the cores are
     * taken to be oversubscribed (other threads or processes hold the cores this team's threads need, so every
     * hand-off risks a lost time slice), and the caller runs the next steps alone ({@link #FIRST_ALONE_STEPS},
     * backed off exponentially): one thread's speed instead of a fraction of it. The parts and their order are
     * the same either way, so are the results.
     */
    private void noteStep(boolean stalled) {
        stallsInWindow += stalled ? 1 : 0;
        if (stallsInWindow >= STALLS_TO_RUN_ALONE) {
            aloneStepsLeft = aloneSteps;
            aloneSteps = Math.min(MAX_ALONE_STEPS, aloneSteps * 2);
            fallbacks++;
            stepsInWindow = 0;
            stallsInWindow = 0;
        } else if (++stepsInWindow == WINDOW) {
            if (stallsInWindow == 0) {
                aloneSteps = Math.max(FIRST_ALONE_STEPS, aloneSteps / 2);
            }
            stepsInWindow = 0;
            stallsInWindow = 0;
        }
    }

    /** @return how many times the caller has fallen back to running alone (for tests and benchmarks) */
    int fallbacks() {
        return fallbacks;
    }

    /**
     * One fork-join step as the workers see it, published with one volatile write so that a worker reads its
     * generation, part count and work together (a worker idle in one step must not pair that step's generation
     * with the next step's count).
     */
    private record Step(long generation, int parts, IntConsumer work) {
    }

    private void work(int part) {
        long seen = 0L;
        while (!closed) {
            Step step = awaitStep(seen);
            if (step.generation() == seen) {
                continue;
            }
            seen = step.generation();
            if (part < step.parts()) {
                try {
                    step.work().accept(part);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }
    }

    /** Spins, then parks, until a step past generation {@code seen} is published (or the team closes). */
    private Step awaitStep(long seen) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        Step current = published;
        while (current.generation() == seen && !closed) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
            current = published;
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
