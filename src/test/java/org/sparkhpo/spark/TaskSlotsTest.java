package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many threads a round's packs train on when the round lends its idle cores ({@link TaskSlots#lentThreads}). */
class TaskSlotsTest {
    @Test
    void inLocalModeFewerPacksThanSlotsShareTheIdleCores() {
        TaskSlots local = new TaskSlots("local[4]", 1, 0);
        assertEquals(4, local.lentThreads(1, 1, 4), "one pack on local[4]: all four cores");
        assertEquals(2, local.lentThreads(1, 2, 4), "two packs: two cores each");
        assertEquals(1, local.lentThreads(1, 3, 4), "three packs: floor(4 / 3) = 1, the fourth core stays idle");
        assertEquals(1, local.lentThreads(1, 4, 4), "a full round lends nothing");
        assertEquals(1, local.lentThreads(1, 9, 4));
    }

    @Test
    void lendingStopsAtFourThreadsUnlessMoreAreConfigured() {
        assertEquals(4, new TaskSlots("local[64]", 1, 0).lentThreads(1, 1, 64), "one pack on 64 cores: 4 threads");
        assertEquals(4, new TaskSlots("local[64]", 1, 0).lentThreads(1, 8, 64));
        assertEquals(8, new TaskSlots("local[64]", 8, 0).lentThreads(8, 1, 64), "configured 8: nothing more lent");
        assertEquals(4, new TaskSlots("yarn", 1, 16).lentThreads(1, 1, 64));
    }

    @Test
    void theConfiguredThreadsCountAsOneSlotEach() {
        TaskSlots local = new TaskSlots("local[8]", 2, 0);
        assertEquals(4, local.lentThreads(2, 1, 8), "4 two-core slots, one pack: 2 x 4, capped at 4");
        assertEquals(4, local.lentThreads(2, 2, 8), "two packs: 2 x 2");
        assertEquals(2, local.lentThreads(2, 3, 8));
        assertEquals(4, new TaskSlots("local[12]", 3, 0).lentThreads(3, 2, 12), "3 x 2, capped at 4");
    }

    @Test
    void onAClusterATaskMustFitOneExecutor() {
        assertEquals(1, new TaskSlots("spark://master:7077", 1, 0).lentThreads(1, 1, 8),
                "executor cores unknown: nothing lent");
        assertEquals(4, new TaskSlots("spark://master:7077", 1, 4).lentThreads(1, 1, 8),
                "8 slots on executors of 4 cores: at most 4 threads");
        assertEquals(2, new TaskSlots("yarn", 1, 4).lentThreads(1, 4, 8));
        assertEquals(1, new TaskSlots("yarn", 1, 1).lentThreads(1, 1, 8), "YARN's default of one core");
    }
}
