package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkerTeam}: every part of every step runs exactly once and before {@code run} returns, parts beyond the
 * step's count do not run, the caller's part runs on the caller, a worker's exception reaches the caller, and
 * the workers resume after they parked (idle longer than the spin time), and a caller kept waiting step after step
 * runs every part itself for a while (oversubscribed cores), twice as long the second time.
 */
class WorkerTeamTest {
    @Test
    void everyPartRunsOncePerStepBeforeRunReturns() {
        try (WorkerTeam team = new WorkerTeam(3)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(3);
            int[] expected = new int[3];
            for (int step = 0; step < 10_000; step++) {
                int count = 1 + step % 3;
                team.run(count, counts::incrementAndGet);
                for (int part = 0; part < count; part++) {
                    expected[part]++;
                }
                assertArrayEquals(expected, new int[] {counts.get(0), counts.get(1), counts.get(2)},
                        "after step " + step + " of " + count + " parts");
            }
        }
    }

    @Test
    void partZeroRunsOnTheCallerAndTheOthersOnWorkers() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            Thread[] ranOn = new Thread[2];
            team.run(2, part -> ranOn[part] = Thread.currentThread());
            assertEquals(Thread.currentThread(), ranOn[0]);
            assertTrue(ranOn[1] != null && ranOn[1] != Thread.currentThread() && ranOn[1].isDaemon(),
                    "part 1 ran on a daemon worker: " + ranOn[1]);
        }
    }

    @Test
    void aWorkersFailureReachesTheCallerAndTheTeamGoesOn() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(2, part -> {
                if (part == 1) {
                    throw new ArithmeticException("part one broke");
                }
            }));
            assertTrue(e.getMessage().contains("part one broke"), e.getMessage());
            AtomicIntegerArray counts = new AtomicIntegerArray(2);
            team.run(2, counts::incrementAndGet);
            assertEquals(1, counts.get(1), "the next step runs normally");
        }
    }

    @Test
    void aFailingCallerPartWaitsForTheWorkersBeforeItThrows() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            AtomicIntegerArray done = new AtomicIntegerArray(2);
            assertThrows(ArithmeticException.class, () -> team.run(2, part -> {
                if (part == 0) {
                    throw new ArithmeticException("part zero broke");
                }
                busyFor(WorkerTeam.SPIN_NANOS * 2);
                done.incrementAndGet(part);
            }));
            assertEquals(1, done.get(1), "the worker's part had finished when run threw");
        }
    }

    @Test
    void workersWakeAfterParking() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(2);
            for (int step = 0; step < 3; step++) {
                LockSupport.parkNanos(WorkerTeam.SPIN_NANOS * 20);
                team.run(2, counts::incrementAndGet);
                assertEquals(step + 1, counts.get(1), "step " + step + " after an idle spell");
            }
        }
    }

    @Test
    void aCallerKeptWaitingRunsAloneForAWhileWithTheSameParts() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            Thread[] ranOn = new Thread[2];
            IntConsumer slowWorker = part -> {
                ranOn[part] = Thread.currentThread();
                if (part == 1 && Thread.currentThread() != ranOn[0]) {
                    busyFor(WorkerTeam.STALL_NANOS * 5);
                }
            };
            int handedOver = 0;
            while (team.fallbacks() == 0 && handedOver < 2 * WorkerTeam.STALLS_TO_RUN_ALONE) {
                team.run(2, slowWorker);
                assertTrue(ranOn[1] != Thread.currentThread(), "step " + handedOver + " handed part 1 over");
                handedOver++;
            }
            assertEquals(1, team.fallbacks(), "the slow worker stalled the caller");
            assertTrue(handedOver >= WorkerTeam.STALLS_TO_RUN_ALONE, "not before " + WorkerTeam.STALLS_TO_RUN_ALONE
                    + " stalls: " + handedOver);
            for (int step = 0; step < WorkerTeam.FIRST_ALONE_STEPS; step++) {
                team.run(2, slowWorker);
                assertEquals(Thread.currentThread(), ranOn[1], "part 1 runs on the caller while it runs alone");
            }
            int handedOverAgain = 0;
            while (team.fallbacks() == 1 && handedOverAgain < 2 * WorkerTeam.STALLS_TO_RUN_ALONE) {
                team.run(2, slowWorker);
                assertTrue(ranOn[1] != Thread.currentThread(), "the workers get their parts again");
                handedOverAgain++;
            }
            assertEquals(2, team.fallbacks(), "the worker is still slow");
            int alone = 0;
            do {
                team.run(2, slowWorker);
                alone++;
            } while (ranOn[1] == Thread.currentThread() && alone <= 4 * WorkerTeam.FIRST_ALONE_STEPS);
            assertEquals(2 * WorkerTeam.FIRST_ALONE_STEPS + 1, alone, "the second spell alone is twice the first"
                    + " (then one step handed over)");
        }
    }

    @Test
    void closeStopsTheWorkers() throws InterruptedException {
        WorkerTeam team = new WorkerTeam(2);
        Thread[] worker = new Thread[1];
        team.run(2, part -> {
            if (part == 1) {
                worker[0] = Thread.currentThread();
            }
        });
        team.close();
        worker[0].join(5_000);
        assertTrue(!worker[0].isAlive(), "the worker thread ended");
    }

    /** Keeps this thread busy (a park may return at once on a pending unpark; this cannot). */
    private static void busyFor(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
