package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;

class TrialPacksTest {
    private static final TrialRunner RUNNER = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY,
            new StoppingRules(0, 0.0, 1000), new HyperParameters(0.05, 0.9, false, 32, 5, 0, 0, "constant", 0.5, 5),
            1L);

    private static List<Trial> trials(int... batchSizes) {
        List<Trial> trials = new ArrayList<>();
        for (int id = 0; id < batchSizes.length; id++) {
            Configuration configuration = batchSizes[id] < 0 ? Configuration.empty().with("momentum", 1.5)
                    : Configuration.empty().with("batch-size", batchSizes[id]).with("learning-rate", 0.01 * (id + 1));
            trials.add(new Trial(id, 0, configuration, TrialSeeds.of(1, id), "grid"));
        }
        return trials;
    }

    private static List<List<Integer>> ids(List<List<Trial>> packs) {
        return packs.stream().map(p -> p.stream().map(Trial::id).toList()).toList();
    }

    @Test
    void autoMakesOnePackPerSlotOfTrialsWithOneBatchSize() {
        List<List<Trial>> packs = TrialPacks.group(trials(128, 128, 128, 128, 128, 128, 128, 128), RUNNER, 0, 2);
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)), ids(packs));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7)),
                ids(TrialPacks.group(trials(128, 128, 128, 128, 128, 128, 128, 128), RUNNER, 0, 1)));
    }

    @Test
    void onlyTrialsWithTheSameBatchSizeShareAPackAndInvalidOnesRunAlone() {
        List<List<Trial>> packs = TrialPacks.group(trials(32, 64, 32, -1, 64, 32, 32), RUNNER, 0, 2);
        assertEquals(List.of(List.of(0, 2, 5, 6), List.of(1, 4), List.of(3)), ids(packs),
                "ceil(7 / 2) = 4 at most: the four of 32 in one pack, largest packs first");
        for (List<Trial> pack : packs) {
            Optional<Object> key = RUNNER.packKey(pack.get(0));
            assertTrue(pack.stream().allMatch(t -> RUNNER.packKey(t).equals(key)));
        }
    }

    @Test
    void aFixedPackSizeCutsGroupsIntoNearEqualPacks() {
        List<List<Trial>> packs = TrialPacks.group(trials(16, 16, 16, 16, 16, 16, 16), RUNNER, 3, 2);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4), List.of(5, 6)), ids(packs));
        assertEquals(7, TrialPacks.group(trials(16, 16, 16, 16, 16, 16, 16), RUNNER, 1, 2).size(),
                "pack size 1: one trial per task");
    }
}
