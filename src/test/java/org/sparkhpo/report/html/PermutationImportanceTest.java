package org.sparkhpo.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {
    private static double[][] x(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextDouble();
            }
        }
        return x;
    }

    @Test
    void theOnlyParameterTheObjectiveDependsOnGetsNearlyAllTheImportance() {
        double[][] x = x(200, 1);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][1]);
        }

        double[] shares = PermutationImportance.of(x, y, 3);

        assertTrue(shares[1] > 0.9, "share of the parameter that matters: " + shares[1]);
        assertEquals(1.0, shares[0] + shares[1] + shares[2], 1e-9);
    }

    @Test
    void twoParametersShareByHowMuchTheyMove() {
        double[][] x = x(300, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][0] + x[i][2];
        }

        double[] shares = PermutationImportance.of(x, y, 3);

        assertTrue(shares[0] > shares[2] && shares[2] > shares[1], java.util.Arrays.toString(shares));
    }

    @Test
    void theSameTrialsGiveTheSameImportances() {
        double[][] x = x(50, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] * x[i][2];
        }

        assertArrayEquals(PermutationImportance.of(x, y, 3), PermutationImportance.of(x, y, 3));
    }

    @Test
    void aConstantObjectiveOrTooFewTrialsGiveZeroes() {
        assertArrayEquals(new double[3], PermutationImportance.of(x(20, 4), new double[20], 3));
        assertArrayEquals(new double[3], PermutationImportance.of(x(2, 5), new double[] {1, 2}, 3));
    }

    @Test
    void aTreeFitsAStepFunctionExactly() {
        double[][] x = {{0.1}, {0.2}, {0.3}, {0.7}, {0.8}, {0.9}};
        double[] y = {1, 1, 1, 5, 5, 5};

        RegressionTree tree = RegressionTree.fit(x, y, new int[] {0, 1, 2, 3, 4, 5}, 4, 1);

        assertEquals(1.0, tree.predict(new double[] {0.25}));
        assertEquals(5.0, tree.predict(new double[] {0.75}));
    }
}
