package org.sparkhpo.data;

import java.util.Objects;
import org.sparkhpo.common.InvalidInputException;

/**
 * Checks raw labels (as read from a file) against a {@link Task} and encodes them for training.
 *
 * <p>Rules: {@link Task#BINARY} accepts 0/1 or -1/+1 (one convention per file) and encodes them as 0/1;
 * {@link Task#MULTICLASS} accepts the integers 0..k-1, where k is given or, for the training set, inferred as
 * the largest label + 1; {@link Task#REGRESSION} accepts any finite value and keeps it. A classification
 * training set must hold at least two classes. Validation and test labels are checked against the training
 * set's number of classes. Every violation is an {@link InvalidInputException} naming the file and the value.
 */
public final class Labels {
    private Labels() {
    }

    /**
     * Checks and encodes the labels of the training set, which decides the number of classes.
     *
     * @param file the file the labels came from, for messages
     * @param raw labels as read; not modified
     * @param task what the labels mean
     * @param numClasses for multiclass, k (> 0) or 0 to infer it as the largest label + 1; for binary 0 or 2;
     *     ignored for regression
     * @return the encoded labels and the number of classes (2 binary, k multiclass, 1 regression)
     * @throws InvalidInputException when a label breaks the task's rule, or a classification set has one class
     */
    public static EncodedLabels encodeTraining(String file, double[] raw, Task task, int numClasses) {
        Objects.requireNonNull(task, "task");
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses " + numClasses + " must be >= 0 (0 infers it)");
        }
        int classes = switch (task) {
            case BINARY -> checkBinaryCount(numClasses);
            case MULTICLASS -> numClasses > 0 ? numClasses : inferNumClasses(file, raw);
            case REGRESSION -> 1;
        };
        double[] encoded = encode(file, raw, task, classes);
        if (task.isClassification()) {
            requireTwoClasses(file, raw, encoded);
        }
        return new EncodedLabels(encoded, classes);
    }

    /**
     * Checks and encodes labels against a known number of classes (validation and test sets).
     *
     * @param file the file the labels came from, for messages
     * @param raw labels as read; not modified
     * @param task what the labels mean
     * @param numClasses the training set's number of classes (2 binary, k multiclass, 1 regression)
     * @return a new array of encoded labels
     * @throws InvalidInputException when a label breaks the task's rule
     */
    public static double[] encode(String file, double[] raw, Task task, int numClasses) {
        Objects.requireNonNull(task, "task");
        return switch (task) {
            case BINARY -> encodeBinary(file, raw);
            case MULTICLASS -> encodeMulticlass(file, raw, numClasses);
            case REGRESSION -> checkRegression(file, raw);
        };
    }

    private static int checkBinaryCount(int numClasses) {
        if (numClasses != 0 && numClasses != 2) {
            throw new InvalidInputException("numClasses " + numClasses + " does not fit a binary task, which has 2");
        }
        return 2;
    }

    private static double[] encodeBinary(String file, double[] raw) {
        boolean sawZero = false;
        boolean sawMinusOne = false;
        double[] encoded = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double label = raw[i];
            if (label != 0.0 && label != 1.0 && label != -1.0) {
                throw new InvalidInputException(file + ": label " + label
                        + " is out of range for a binary task: labels must be 0/1 or -1/+1");
            }
            sawZero |= label == 0.0;
            sawMinusOne |= label == -1.0;
            encoded[i] = label == 1.0 ? 1.0 : 0.0;
        }
        if (sawZero && sawMinusOne) {
            throw new InvalidInputException(file + ": labels mix 0 and -1 for a binary task: labels must be "
                    + "0/1 or -1/+1");
        }
        return encoded;
    }

    private static double[] encodeMulticlass(String file, double[] raw, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses " + numClasses + " must be >= 1 for a multiclass task");
        }
        for (double label : raw) {
            requireClassIndex(file, label);
            if (label >= numClasses) {
                throw new InvalidInputException(file + ": label " + label + " is out of range for a multiclass "
                        + "task with " + numClasses + " classes: labels must be integers 0.." + (numClasses - 1));
            }
        }
        return raw.clone();
    }

    private static int inferNumClasses(String file, double[] raw) {
        double largest = 0.0;
        for (double label : raw) {
            requireClassIndex(file, label);
            largest = Math.max(largest, label);
        }
        return (int) largest + 1;
    }

    private static void requireClassIndex(String file, double label) {
        if (label < 0.0 || label != Math.rint(label) || label >= Integer.MAX_VALUE) {
            throw new InvalidInputException(file + ": label " + label
                    + " is not a class index: multiclass labels must be integers 0..k-1");
        }
    }

    private static double[] checkRegression(String file, double[] raw) {
        for (double label : raw) {
            if (!Double.isFinite(label)) {
                throw new InvalidInputException(file + ": label " + label + " is not finite: regression targets "
                        + "must be finite numbers");
            }
        }
        return raw.clone();
    }

    private static void requireTwoClasses(String file, double[] raw, double[] encoded) {
        for (int i = 1; i < encoded.length; i++) {
            if (encoded[i] != encoded[0]) {
                return;
            }
        }
        String only = raw.length == 0 ? "none" : String.valueOf(raw[0]);
        throw new InvalidInputException(file + ": only one class (" + only
                + ") in the training labels; classification needs at least two");
    }
}
