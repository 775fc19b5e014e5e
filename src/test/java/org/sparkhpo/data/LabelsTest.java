package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;

class LabelsTest {
    private static final String FILE = "data/train.csv";

    @Test
    void binaryZeroOneIsKept() {
        EncodedLabels encoded = Labels.encodeTraining(FILE, new double[] {0, 1, 1, 0}, Task.BINARY, 0);
        assertArrayEquals(new double[] {0, 1, 1, 0}, encoded.labels());
        assertEquals(2, encoded.numClasses());
    }

    @Test
    void binaryMinusOnePlusOneBecomesZeroOne() {
        double[] raw = {-1, 1, 1, -1};
        EncodedLabels encoded = Labels.encodeTraining(FILE, raw, Task.BINARY, 2);
        assertArrayEquals(new double[] {0, 1, 1, 0}, encoded.labels());
        assertArrayEquals(new double[] {-1, 1, 1, -1}, raw, "the raw labels are not modified");
    }

    @Test
    void binaryLabelOutOfRange() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {0, 1, 2}, Task.BINARY, 0),
                FILE + ": label 2.0 is out of range for a binary task: labels must be 0/1 or -1/+1");
    }

    @Test
    void binaryLabelsMayNotMixConventions() {
        assertMessage(() -> Labels.encode(FILE, new double[] {-1, 0, 1}, Task.BINARY, 2),
                FILE + ": labels mix 0 and -1 for a binary task: labels must be 0/1 or -1/+1");
    }

    @Test
    void binaryWithOtherClassCountIsRejected() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {0, 1}, Task.BINARY, 3),
                "numClasses 3 does not fit a binary task, which has 2");
    }

    @Test
    void oneClassTrainingSetIsRejected() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {3, 3, 3}, Task.MULTICLASS, 5),
                FILE + ": only one class (3.0) in the training labels; classification needs at least two");
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {-1, -1}, Task.BINARY, 0),
                FILE + ": only one class (-1.0) in the training labels; classification needs at least two");
    }

    @Test
    void oneClassIsFineOutsideTraining() {
        assertArrayEquals(new double[] {1, 1}, Labels.encode(FILE, new double[] {1, 1}, Task.MULTICLASS, 3));
    }

    @Test
    void multiclassInfersLargestPlusOne() {
        EncodedLabels encoded = Labels.encodeTraining(FILE, new double[] {0, 4, 2, 4}, Task.MULTICLASS, 0);
        assertEquals(5, encoded.numClasses());
        assertArrayEquals(new double[] {0, 4, 2, 4}, encoded.labels());
    }

    @Test
    void multiclassGivenCountIsKeptEvenWhenLargerThanSeen() {
        assertEquals(10, Labels.encodeTraining(FILE, new double[] {0, 1}, Task.MULTICLASS, 10).numClasses());
    }

    @Test
    void multiclassLabelOutOfGivenRange() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {0, 1, 10}, Task.MULTICLASS, 10),
                FILE + ": label 10.0 is out of range for a multiclass task with 10 classes: labels must be "
                        + "integers 0..9");
    }

    @Test
    void validationLabelsAreCheckedAgainstTrainingClasses() {
        assertMessage(() -> Labels.encode("data/val.csv", new double[] {0, 3}, Task.MULTICLASS, 3),
                "data/val.csv: label 3.0 is out of range for a multiclass task with 3 classes: labels must be "
                        + "integers 0..2");
    }

    @Test
    void multiclassLabelMustBeANonNegativeInteger() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {0, 2.5}, Task.MULTICLASS, 0),
                FILE + ": label 2.5 is not a class index: multiclass labels must be integers 0..k-1");
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {0, -1}, Task.MULTICLASS, 3),
                FILE + ": label -1.0 is not a class index: multiclass labels must be integers 0..k-1");
    }

    @Test
    void regressionKeepsFiniteValues() {
        EncodedLabels encoded = Labels.encodeTraining(FILE, new double[] {-2.5, 7, 7}, Task.REGRESSION, 0);
        assertArrayEquals(new double[] {-2.5, 7, 7}, encoded.labels());
        assertEquals(1, encoded.numClasses());
    }

    @Test
    void regressionRejectsNonFinite() {
        assertMessage(() -> Labels.encodeTraining(FILE, new double[] {1, Double.NaN}, Task.REGRESSION, 0),
                FILE + ": label NaN is not finite: regression targets must be finite numbers");
    }

    private static void assertMessage(Runnable action, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
        assertEquals(expected, e.getMessage());
    }
}
