package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockOrderTest {
    /** Every row exactly once per epoch, for batch sizes that divide n, do not, and exceed it. */
    @ParameterizedTest
    @CsvSource({"1000, 128", "1024, 128", "7, 3", "5, 8", "1, 1", "97, 1"})
    void everyEpochVisitsEveryRowExactlyOnce(int rows, int batch) {
        BlockOrder order = new BlockOrder(rows, batch);
        assertEquals((rows + batch - 1) / batch, order.blocks());
        for (int epoch = 0; epoch < 4; epoch++) {
            int[] visits = new int[rows];
            for (int block : order.shuffled(11L, epoch)) {
                int from = order.from(block);
                int to = order.to(block);
                assertEquals(true, to - from >= 1 && to - from <= batch, "block " + block + " size " + (to - from));
                for (int row = from; row < to; row++) {
                    visits[row]++;
                }
            }
            int[] once = new int[rows];
            Arrays.fill(once, 1);
            assertArrayEquals(once, visits, "epoch " + epoch);
        }
    }

    @ParameterizedTest
    @CsvSource({"1000, 128", "50000, 128"})
    void theOrderIsAFunctionOfSeedAndEpochOnly(int rows, int batch) {
        BlockOrder order = new BlockOrder(rows, batch);
        assertArrayEquals(order.shuffled(5L, 3), new BlockOrder(rows, batch).shuffled(5L, 3));
        assertFalse(Arrays.equals(order.shuffled(5L, 3), order.shuffled(5L, 4)), "another epoch");
        assertFalse(Arrays.equals(order.shuffled(5L, 3), order.shuffled(6L, 3)), "another seed");
        int[] identity = new int[order.blocks()];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(identity, order.shuffled(5L, 0)), "shuffled at all");
    }

    @ParameterizedTest
    @CsvSource({"0, 4", "4, 0"})
    void rejectsEmptyDataAndBatches(int rows, int batch) {
        assertThrows(IllegalArgumentException.class, () -> new BlockOrder(rows, batch));
    }
}
