package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.data.LabeledData;

/**
 * {@link SgdTrainer#trainPack}: a packed model follows the same path as the model alone with the same data
 * order (common random numbers), members leave at their own epochs, a diverging member fails alone, and a
 * pack resumes from its members' checkpoints.
 */
class PackTrainingTest {
    private static final int CLASSES = 4;
    /** 410 rows in blocks of 32: 12 full blocks and a partial one of 26 rows. */
    private static final LabeledData TRAIN = GeneratedData.axisClusters(410, 8, CLASSES, 31);
    private static final LabeledData VALIDATION = GeneratedData.axisClusters(200, 8, CLASSES, 32);
    private static final LabeledData SPARSE_TRAIN = GeneratedData.toSparse(GeneratedData.withZeros(TRAIN, 0.4, 33));
    private static final long ORDER_SEED = 77L;
    private static final double TOLERANCE = 1e-6;

    private static SgdTrainer trainer(int patience) {
        return new SgdTrainer(LossType.SOFTMAX, Metric.LOG_LOSS, new StoppingRules(patience, 0.0, 1000), CLASSES);
    }

    /** Five configurations that differ in everything but the batch size. */
    private static List<HyperParameters> configurations(int epochs) {
        return List.of(
                new HyperParameters(0.05, 0.9, false, 32, epochs, 1e-4, 0.0, "constant", 0.5, 2),
                new HyperParameters(0.01, 0.5, true, 32, epochs, 1e-2, 0.0, "cosine", 0.5, 2),
                new HyperParameters(0.2, 0.0, false, 32, epochs, 0.0, 1e-3, "step", 0.5, 2),
                new HyperParameters(0.002, 0.9, true, 32, epochs, 1e-1, 1e-4, "cosine", 0.5, 2),
                new HyperParameters(0.1, 0.8, false, 32, epochs, 1e-3, 0.0, "constant", 0.5, 2));
    }

    private static List<PackMember> fresh(List<HyperParameters> configurations, SgdTrainer trainer) {
        return configurations.stream().map(hp -> new PackMember(hp,
                TrainingState.initial(trainer.numParameters(TRAIN)), hp.epochs())).collect(Collectors.toList());
    }

    private static void assertSameRun(ResumedTraining alone, ResumedTraining packed, String what) {
        TrainingOutcome a = alone.outcome();
        TrainingOutcome p = packed.outcome();
        assertEquals(a.failed(), p.failed(), what + ": failed");
        assertEquals(a.bestEpoch(), p.bestEpoch(), what + ": best epoch");
        assertEquals(a.epochsRun(), p.epochsRun(), what + ": epochs run");
        assertEquals(a.bestMetric(), p.bestMetric(), TOLERANCE, what + ": validation log-loss");
        assertEquals(a.lastTrainLoss(), p.lastTrainLoss(), TOLERANCE, what + ": train loss");
        double[] history = alone.state().history();
        for (int e = 0; e < history.length; e++) {
            assertEquals(history[e], packed.state().history()[e], TOLERANCE,
                    what + ": validation after epoch " + (e + 1));
        }
        if (a.theta() != null) {
            for (int i = 0; i < a.theta().length; i++) {
                assertEquals(a.theta()[i], p.theta()[i], TOLERANCE, what + ": parameter " + i);
            }
        }
    }

    private static List<ResumedTraining> alone(SgdTrainer trainer, List<PackMember> members, LabeledData train) {
        List<ResumedTraining> results = new ArrayList<>();
        for (PackMember member : members) {
            results.add(trainer.trainFrom(member.start(), member.targetEpochs(), train, VALIDATION,
                    member.hyperParameters(), ORDER_SEED));
        }
        return results;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPackedModelEqualsTheSameModelTrainedAloneWithTheSameDataOrder(boolean sparse) {
        LabeledData train = sparse ? SPARSE_TRAIN : TRAIN;
        SgdTrainer trainer = trainer(0);
        List<PackMember> members = fresh(configurations(6), trainer);
        List<ResumedTraining> packed = trainer.trainPack(members, train, VALIDATION, ORDER_SEED);
        List<ResumedTraining> alone = alone(trainer, members, train);
        for (int m = 0; m < members.size(); m++) {
            assertFalse(packed.get(m).outcome().failed(), "member " + m + " trains");
            assertEquals(6, packed.get(m).outcome().epochsRun());
            assertSameRun(alone.get(m), packed.get(m), "member " + m);
        }
        assertTrue(packed.get(0).outcome().bestMetric() != packed.get(1).outcome().bestMetric(),
                "different configurations give different models");
    }

    @Test
    void membersStopAtDifferentEpochsAndTheOthersGoOn() {
        SgdTrainer trainer = trainer(2);
        List<HyperParameters> configurations = new ArrayList<>(configurations(30));
        List<PackMember> members = fresh(configurations, trainer);
        members.set(4, new PackMember(configurations.get(4), members.get(4).start(), 3));
        List<ResumedTraining> packed = trainer.trainPack(members, TRAIN, VALIDATION, ORDER_SEED);
        List<ResumedTraining> alone = alone(trainer, members, TRAIN);
        long distinctEnds = packed.stream().mapToInt(r -> r.outcome().epochsRun()).distinct().count();
        assertTrue(distinctEnds >= 3, "members leave the pack at different epochs: "
                + packed.stream().map(r -> r.outcome().epochsRun()).toList());
        assertEquals(3, packed.get(4).outcome().epochsRun(), "a member with a smaller target leaves at it");
        for (int m = 0; m < members.size(); m++) {
            assertSameRun(alone.get(m), packed.get(m), "member " + m);
        }
    }

    @Test
    void aDivergingMemberFailsAndTheOthersAreUntouched() {
        SgdTrainer trainer = trainer(0);
        List<HyperParameters> configurations = new ArrayList<>(configurations(5));
        configurations.set(2, new HyperParameters(1e6, 0.9, false, 32, 5, 0.0, 0.0, "constant", 0.5, 2));
        List<PackMember> members = fresh(configurations, trainer);
        List<ResumedTraining> packed = trainer.trainPack(members, TRAIN, VALIDATION, ORDER_SEED);
        List<ResumedTraining> alone = alone(trainer, members, TRAIN);
        assertTrue(packed.get(2).outcome().failed(), "the diverging member fails");
        assertNotNull(packed.get(2).outcome().failure());
        assertTrue(packed.get(2).outcome().failure().startsWith("epoch 1: "), packed.get(2).outcome().failure());
        assertEquals(alone.get(2).outcome().failure(), packed.get(2).outcome().failure());
        for (int m = 0; m < members.size(); m++) {
            if (m != 2) {
                assertNull(packed.get(m).outcome().failure(), "member " + m);
                assertEquals(5, packed.get(m).outcome().epochsRun());
            }
            assertSameRun(alone.get(m), packed.get(m), "member " + m);
        }
    }

    @Test
    void aPackResumedFromItsCheckpointsEqualsAnUninterruptedPack() {
        SgdTrainer trainer = trainer(0);
        List<PackMember> members = fresh(configurations(8), trainer);
        List<PackMember> firstRung = members.stream()
                .map(m -> new PackMember(m.hyperParameters(), m.start(), 3)).toList();
        List<ResumedTraining> first = trainer.trainPack(firstRung, TRAIN, VALIDATION, ORDER_SEED);
        List<PackMember> secondRung = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            assertEquals(3, first.get(m).state().epochsDone());
            secondRung.add(new PackMember(members.get(m).hyperParameters(), first.get(m).state(), 8));
        }
        List<ResumedTraining> resumed = trainer.trainPack(secondRung, TRAIN, VALIDATION, ORDER_SEED);
        List<ResumedTraining> uninterrupted = alone(trainer, members, TRAIN);
        for (int m = 0; m < members.size(); m++) {
            assertEquals(3, resumed.get(m).startEpoch());
            assertEquals(5, resumed.get(m).epochsTrained());
            assertSameRun(uninterrupted.get(m), resumed.get(m), "member " + m);
        }
    }

    @Test
    void membersMustShareTheBatchSizeAndTheEpochsDone() {
        SgdTrainer trainer = trainer(0);
        HyperParameters hp = configurations(4).get(0);
        TrainingState initial = TrainingState.initial(trainer.numParameters(TRAIN));
        HyperParameters otherBatch = new HyperParameters(0.05, 0.9, false, 64, 4, 1e-4, 0.0, "constant", 0.5, 2);
        assertThrows(IllegalArgumentException.class, () -> trainer.trainPack(List.of(new PackMember(hp, initial, 4),
                new PackMember(otherBatch, initial, 4)), TRAIN, VALIDATION, ORDER_SEED));
        ResumedTraining two = trainer.trainFrom(initial, 2, TRAIN, VALIDATION, hp, ORDER_SEED);
        assertThrows(IllegalArgumentException.class, () -> trainer.trainPack(List.of(new PackMember(hp, initial, 4),
                new PackMember(hp, two.state(), 4)), TRAIN, VALIDATION, ORDER_SEED));
    }
}
