package org.sparkhpo.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.ResumedTraining;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.train.TrainingOutcome;
import org.sparkhpo.train.TrainingState;

/** The exactness rule: 3 epochs, checkpoint to bytes and back, 6 more = 9 uninterrupted epochs. */
class CheckpointTest {
    private static final double[][] CENTERS = {{2, 0}, {-2, 0}, {0, 2}, {0, -2}};
    private static final LabeledData TRAIN = GeneratedData.clusters(400, CENTERS, 21);
    private static final LabeledData VALIDATION = GeneratedData.clusters(200, CENTERS, 22);
    private static final SgdTrainer TRAINER = new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY,
            new StoppingRules(20, 1e-4, 1000), 4);

    @ParameterizedTest(name = "nesterov={0}, schedule={1}")
    @CsvSource({"false, step", "true, step", "false, cosine", "true, cosine"})
    void resumingFromACheckpointGivesTheWeightsOfAnUninterruptedRun(boolean nesterov, String schedule) {
        HyperParameters hp = new HyperParameters(0.05, 0.9, nesterov, 16, 9, 1e-3, 1e-4, schedule, 0.5, 2);
        long seed = TrialSeeds.of(42, 7);
        TrainingOutcome uninterrupted = TRAINER.train(TRAIN, VALIDATION, hp, seed);
        ResumedTraining first = TRAINER.trainFrom(TrainingState.initial(12), 3, TRAIN, VALIDATION, hp, seed);
        byte[] bytes = new Checkpoint(7, seed, first.state()).toBytes();
        Checkpoint restored = Checkpoint.fromBytes(bytes, "test");
        ResumedTraining rest = TRAINER.trainFrom(restored.state(), 9, TRAIN, VALIDATION, hp, restored.seed());

        assertEquals(9, uninterrupted.epochsRun(), "no early stop, so both runs train 9 epochs");
        assertEquals(6, rest.epochsTrained());
        double[] expected = TRAINER.trainFrom(TrainingState.initial(12), 9, TRAIN, VALIDATION, hp, seed)
                .state().theta();
        assertArrayEquals(expected, rest.state().theta(), 1e-12, "last-epoch parameters");
        assertArrayEquals(uninterrupted.theta(), rest.outcome().theta(), 1e-12, "best-epoch parameters");
        assertEquals(uninterrupted.bestEpoch(), rest.outcome().bestEpoch());
        assertEquals(uninterrupted.bestMetric(), rest.outcome().bestMetric());
        assertEquals(uninterrupted.lastTrainLoss(), rest.outcome().lastTrainLoss(), 1e-12);
        assertFalse(Arrays.equals(first.state().theta(), rest.state().theta()), "the resumed run trained");
    }

    @Test
    void bytesRoundTripEveryField() {
        TrainingState state = new TrainingState(new double[] {1, -2}, new double[] {0.5, Double.MIN_VALUE}, 5,
                new double[] {3, 4}, 4, 0.875, 1, 2.3, 0.7, true, new double[] {0.1, 0.2, 0.3, 0.875, 0.8});
        Checkpoint checkpoint = Checkpoint.fromBytes(new Checkpoint(12, -99L, state).toBytes(), "test");
        assertEquals(12, checkpoint.trialId());
        assertEquals(-99L, checkpoint.seed());
        assertEquals(state, checkpoint.state());
        TrainingState fresh = TrainingState.initial(3);
        assertEquals(fresh, Checkpoint.fromBytes(new Checkpoint(0, 1, fresh).toBytes(), "test").state());
        TrainingState withL1 = new TrainingState(new double[] {1, 0, 2}, new double[3], 2, null, 0, Double.NaN, 0,
                1.0, 0.9, false, new double[0], 0.25, new double[] {-0.25, 0.1});
        assertEquals(withL1, Checkpoint.fromBytes(new Checkpoint(3, 4, withL1).toBytes(), "test").state());
    }

    @Test
    void aVersionOneCheckpointIsReadAsAStateWithoutL1History() {
        TrainingState state = new TrainingState(new double[] {1, -2}, new double[] {0.5, 0.25}, 3, null, 0,
                Double.NaN, 0, 2.0, 1.5, false, new double[0]);
        byte[] current = new Checkpoint(7, 8L, state).toBytes();
        // Version 1 is version 2 without the trailing l1Total (8 bytes) and penalty count (4 bytes, here 0).
        byte[] versionOne = Arrays.copyOf(current, current.length - 12);
        versionOne[5] = 1;
        assertEquals(state, Checkpoint.fromBytes(versionOne, "old.ckpt").state());
    }

    @Test
    void otherBytesAreRejectedWithTheSource() {
        byte[] bytes = new Checkpoint(1, 1, TrainingState.initial(4)).toBytes();
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.fromBytes(Arrays.copyOf(bytes, bytes.length - 3), "x.ckpt"));
        assertEquals(true, cut.getMessage().startsWith("x.ckpt: "), cut.getMessage());
        bytes[0] = 0;
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromBytes(bytes, "x.ckpt"));
    }
}
