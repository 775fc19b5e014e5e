package org.sparkhpo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialSeedsTest {
    @Test
    void deterministic() {
        assertEquals(TrialSeeds.of(42, 7), TrialSeeds.of(42, 7));
    }

    @Test
    void distinctAcrossTrialIds() {
        Set<Long> seeds = new HashSet<>();
        for (int id = 0; id <= 10_000; id++) {
            seeds.add(TrialSeeds.of(42, id));
        }
        assertEquals(10_001, seeds.size());
    }

    @Test
    void differsAcrossJobSeeds() {
        for (int id = 0; id <= 1000; id++) {
            assertNotEquals(TrialSeeds.of(1, id), TrialSeeds.of(2, id), "trial " + id);
        }
    }

    @Test
    void neighbouringIdsDifferInManyBits() {
        for (int id = 0; id < 1000; id++) {
            int bits = Long.bitCount(TrialSeeds.of(42, id) ^ TrialSeeds.of(42, id + 1));
            assertEquals(32, bits, 20, "ids " + id + " and " + (id + 1) + " differ in " + bits + " bits");
        }
    }
}
