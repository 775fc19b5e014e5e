package org.sparkhpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.LabeledData;

/**
 * The model an epoch delivers is the mean of its iterates (ModelRun's epoch averaging), which removes the noise
 * a large constant step leaves in the last iterate; an L1 model keeps its exactly sparse last iterate.
 */
class EpochAveragingTest {
    private static final double[] WEIGHTS = {1.5, -2.0, 0.5, 1.0};
    private static final LabeledData TRAIN = GeneratedData.linear(400, WEIGHTS, 0.3, 11L);
    private static final StoppingRules NO_EARLY_STOP = new StoppingRules(0, 1e-4, 1e6);

    private static ResumedTraining train(double l1) {
        HyperParameters large = new HyperParameters(0.3, 0.9, false, 4, 2, 0.0, l1, "constant", 0.5, 5);
        SgdTrainer trainer = new SgdTrainer(LossType.LEAST_SQUARES, Metric.RMSE, NO_EARLY_STOP, 1);
        return trainer.trainFrom(TrainingState.initial(trainer.numParameters(TRAIN)), 2, TRAIN, null, large, 5L);
    }

    private static double rmse(double[] theta) {
        return new SgdTrainer(LossType.LEAST_SQUARES, Metric.RMSE, NO_EARLY_STOP, 1).evaluator(TRAIN)
                .evaluate(theta, Metric.RMSE);
    }

    @Test
    void theDeliveredModelIsTheEpochsAverageAndFitsBetterThanTheNoisyLastIterate() {
        ResumedTraining run = train(0.0);
        double[] delivered = run.outcome().theta();
        double[] lastIterate = run.state().theta();
        assertFalse(Arrays.equals(delivered, lastIterate), "the delivered model is not the last iterate");
        assertArrayEquals(delivered, run.state().bestTheta(), "the checkpoint is the averaged model");
        assertTrue(rmse(delivered) < rmse(lastIterate),
                "averaged " + rmse(delivered) + " vs last iterate " + rmse(lastIterate));
    }

    @Test
    void anL1ModelKeepsItsLastIterateWhichTheProximalStepMadeSparse() {
        ResumedTraining run = train(0.05);
        assertArrayEquals(run.state().theta(), run.outcome().theta());
        assertEquals(2, run.outcome().bestEpoch());
    }
}
