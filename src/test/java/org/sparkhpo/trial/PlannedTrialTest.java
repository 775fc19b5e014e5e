package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;

/** {@link TrialRunner#run(Trial, PreparedData, CheckpointStore)}: rung evaluations and the median rule. */
class PlannedTrialTest {
    private static final PreparedData DATA = GeneratedData.preparedClusters(300, 100, 5, 3, 4);
    private static final TrialRunner RUNNER = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY,
            new StoppingRules(0, 0.0, 1000), new HyperParameters(0.05, 0.9, false, 32, 6, 1e-4, 0, "cosine", 0.5, 2),
            5L);
    private static final Configuration CONFIGURATION = Configuration.empty().with("learning-rate", 0.02);

    /** Keeps checkpoints as bytes, so every read decodes what was written; written from several threads. */
    private static class MemoryStore implements CheckpointStore {
        final Map<Integer, byte[]> files = new ConcurrentHashMap<>();

        @Override
        public void write(Checkpoint checkpoint) {
            files.put(checkpoint.trialId(), checkpoint.toBytes());
        }

        @Override
        public Checkpoint read(int trialId) {
            byte[] bytes = files.get(trialId);
            if (bytes == null) {
                throw new IllegalStateException("no checkpoint of trial " + trialId);
            }
            return Checkpoint.fromBytes(bytes, "memory");
        }
    }

    @Test
    void aRungTrialCheckpointsAndThePromotedOneContinuesItsEpochs() {
        MemoryStore store = new MemoryStore();
        long seed = TrialSeeds.of(1, 0);
        TrialResult first = RUNNER.run(new Trial(0, 0, CONFIGURATION, seed, "rung-0", TrialPlan.rung(0, 2, -1)),
                DATA, store);
        TrialResult second = RUNNER.run(new Trial(1, 1, CONFIGURATION, seed, "rung-1", TrialPlan.rung(1, 6, 0)),
                DATA, store);
        TrialResult whole = RUNNER.run(new Trial(2, 0, CONFIGURATION, seed, "grid"), DATA);
        assertEquals(TrialState.COMPLETE, first.state(), first.error());
        assertEquals(2.0, first.metric("epochs"));
        assertEquals(6.0, second.metric("epochs"));
        assertEquals(2.0, second.metric("resumed_from_epoch"));
        assertEquals(4.0, second.metric("epochs_trained"));
        assertEquals(0.0, second.metric("resumed_from_trial"));
        assertEquals(whole.metric("val_accuracy"), second.metric("val_accuracy"), "resumed = uninterrupted");
        assertEquals(whole.metric("train_loss"), second.metric("train_loss"), 1e-12);
        assertEquals(first.curve(), second.curve().subList(0, 2), "the promoted trial keeps the earlier epochs");
        assertEquals(whole.curve().subList(0, 6), second.curve());
        assertTrue(store.files.containsKey(0));
        assertFalse(store.files.containsKey(1), "the last rung (budget = epochs) writes no checkpoint");
    }

    /**
     * A pack's checkpoints are written on several threads at once ({@link CheckpointWrites}); the pack's results
     * come back only once every write has ended, and a write that fails fails its own trial alone.
     */
    @Test
    void aPacksCheckpointsAreAllWrittenBeforeItsResultsAndAFailedWriteFailsItsTrial() {
        Set<String> writers = ConcurrentHashMap.newKeySet();
        MemoryStore store = new MemoryStore() {
            @Override
            public void write(Checkpoint checkpoint) {
                writers.add(Thread.currentThread().getName());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (checkpoint.trialId() == 1) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                }
                super.write(checkpoint);
            }
        };
        List<Trial> rung = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            rung.add(new Trial(id, 0, Configuration.empty().with("learning-rate", 0.01 * (id + 1)),
                    TrialSeeds.of(1, id), "rung-0", TrialPlan.rung(0, 2, -1)));
        }
        List<TrialResult> results = RUNNER.runPack(rung, DATA, store);
        assertEquals(List.of(TrialState.COMPLETE, TrialState.FAILED, TrialState.COMPLETE, TrialState.COMPLETE),
                results.stream().map(TrialResult::state).toList());
        assertTrue(results.get(1).error().contains("disk full"), results.get(1).error());
        assertEquals(2.0, results.get(1).metric("epochs"), "the failed trial keeps its metrics");
        assertEquals(Set.of(0, 2, 3), store.files.keySet(), "every other checkpoint is written on return");
        assertTrue(writers.size() > 1, "written on several threads at once: " + writers);
    }

    @Test
    void aMissingCheckpointOrAWrongSeedIsAFailedResult() {
        MemoryStore store = new MemoryStore();
        TrialResult missing = RUNNER.run(new Trial(5, 0, CONFIGURATION, 9, "rung-1", TrialPlan.rung(1, 4, 3)),
                DATA, store);
        assertEquals(TrialState.FAILED, missing.state());
        assertTrue(missing.error().contains("no checkpoint of trial 3"), missing.error());
        RUNNER.run(new Trial(3, 0, CONFIGURATION, 7, "rung-0", TrialPlan.rung(0, 2, -1)), DATA, store);
        TrialResult wrongSeed = RUNNER.run(new Trial(6, 0, CONFIGURATION, 8, "rung-1", TrialPlan.rung(1, 4, 3)),
                DATA, store);
        assertTrue(wrongSeed.error().contains("seed"), wrongSeed.error());
    }

    @Test
    void theMedianRulePrunesATrialAndReportsItsCurve() {
        Trial ruled = new Trial(0, 1, CONFIGURATION, 3, "grid", TrialPlan.FULL.withMedians(new double[] {1.5, 1.5}));
        TrialResult pruned = RUNNER.run(ruled, DATA, null);
        assertEquals(TrialState.PRUNED, pruned.state());
        assertEquals(1.0, pruned.metric("epochs"));
        assertEquals(1, pruned.curve().size());
        TrialResult free = RUNNER.run(new Trial(1, 0, CONFIGURATION, 3, "grid",
                TrialPlan.FULL.withMedians(new double[0])), DATA, null);
        assertEquals(TrialState.COMPLETE, free.state());
        assertEquals(6, free.curve().size());
        assertEquals(free.metric("val_accuracy"), free.curve().stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow());
    }
}
