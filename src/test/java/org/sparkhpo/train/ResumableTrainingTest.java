package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparkhpo.data.LabeledData;

/** {@link SgdTrainer#trainFrom}: state round trips, stopped states, patience state and the median rule. */
class ResumableTrainingTest {
    private static final double[][] CENTERS = {{2, 0}, {-2, 0}, {0, 2}};
    private static final LabeledData TRAIN = GeneratedData.clusters(300, CENTERS, 11);
    private static final LabeledData VALIDATION = GeneratedData.clusters(150, CENTERS, 12);

    private static HyperParameters hp(int epochs, String schedule) {
        return new HyperParameters(0.05, 0.9, true, 16, epochs, 1e-4, 0.0, schedule, 0.5, 2);
    }

    private static SgdTrainer trainer(int patience) {
        return new SgdTrainer(LossType.SOFTMAX, Metric.ACCURACY, new StoppingRules(patience, 0.0, 1000), 3);
    }

    @Test
    void aFreshRunThroughTrainFromEqualsTrain() {
        HyperParameters hyperParameters = hp(6, "cosine");
        TrainingOutcome plain = trainer(0).train(TRAIN, VALIDATION, hyperParameters, 5);
        ResumedTraining resumed = trainer(0).trainFrom(TrainingState.initial(9), 6, TRAIN, VALIDATION,
                hyperParameters, 5);
        assertArrayEquals(plain.theta(), resumed.outcome().theta());
        assertEquals(plain.bestEpoch(), resumed.outcome().bestEpoch());
        assertEquals(6, resumed.state().epochsDone());
        assertEquals(6, resumed.state().history().length);
        assertEquals(6, resumed.epochsTrained());
    }

    @Test
    void resumingCarriesBestSoFarAndCountsEpochsFromTheStart() {
        HyperParameters hyperParameters = hp(8, "step");
        ResumedTraining first = trainer(0).trainFrom(TrainingState.initial(9), 2, TRAIN, VALIDATION,
                hyperParameters, 3);
        ResumedTraining second = trainer(0).trainFrom(first.state(), 8, TRAIN, VALIDATION, hyperParameters, 3);
        assertEquals(2, second.startEpoch());
        assertEquals(6, second.epochsTrained());
        assertEquals(8, second.outcome().epochsRun());
        assertTrue(second.outcome().bestMetric() >= first.outcome().bestMetric(), "best so far never drops");
        assertEquals(first.state().history()[1], second.state().history()[1]);
    }

    @Test
    void aStateStoppedByPatienceTrainsNoFurther() {
        TrainingState stopped = new TrainingState(new double[9], new double[9], 4, new double[9], 1, 0.5, 3,
                1.0, 1.0, true, new double[] {0.5, 0.4, 0.4, 0.4});
        ResumedTraining resumed = trainer(3).trainFrom(stopped, 8, TRAIN, VALIDATION, hp(8, "constant"), 1);
        assertEquals(0, resumed.epochsTrained());
        assertEquals(stopped, resumed.state());
    }

    @Test
    void restoredPatienceStopsAfterTheRemainingEpochs() {
        // Best 1.0 cannot be beaten, two epochs without improvement already: patience 3 stops after one more.
        TrainingState waiting = new TrainingState(new double[9], new double[9], 2, new double[9], 0, 1.0, 2,
                Double.NaN, Double.NaN, false, new double[] {1.0, 1.0});
        ResumedTraining resumed = trainer(3).trainFrom(waiting, 8, TRAIN, VALIDATION, hp(8, "constant"), 1);
        assertEquals(1, resumed.epochsTrained());
        assertTrue(resumed.state().stopped());
    }

    @Test
    void theMedianRuleStopsARunWorseThanTheMedianAfterTheGraceEpochs() {
        double[] medians = {Double.NaN, 1.01, 1.01, 1.01};
        ResumedTraining resumed = trainer(0).withMedianRule(medians).trainFrom(TrainingState.initial(9), 4, TRAIN,
                VALIDATION, hp(4, "constant"), 1);
        assertTrue(resumed.medianStopped());
        assertEquals(2, resumed.outcome().epochsRun(), "epoch 1 is in the grace period; epoch 2 stops");
        ResumedTraining unruled = trainer(0).withMedianRule(new double[] {0.0, 0.0, 0.0, 0.0})
                .trainFrom(TrainingState.initial(9), 4, TRAIN, VALIDATION, hp(4, "constant"), 1);
        assertFalse(unruled.medianStopped());
        assertEquals(4, unruled.outcome().epochsRun());
    }

    @Test
    void aTargetOutsideTheDoneEpochsAndTheBudgetIsRejected() {
        ResumedTraining first = trainer(0).trainFrom(TrainingState.initial(9), 3, TRAIN, VALIDATION, hp(6,
                "constant"), 1);
        assertThrows(IllegalArgumentException.class, () -> trainer(0).trainFrom(first.state(), 2, TRAIN,
                VALIDATION, hp(6, "constant"), 1));
        assertThrows(IllegalArgumentException.class, () -> trainer(0).trainFrom(first.state(), 7, TRAIN,
                VALIDATION, hp(6, "constant"), 1));
    }
}
