package org.sparkhpo.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/**
 * Test functions with known minima, each on a box domain. A point of the unit cube maps linearly onto the box,
 * x_i = low_i + u_i (high_i - low_i). The boxes are chosen so that no minimizer lies at the cube's centre,
 * where the derivative-free strategies start by default.
 *
 * <ul>
 *   <li>sphere, f(x) = sum x_i^2 on [-5, 10]^d, any d >= 1: minimum 0 at x = 0 (u_i = 1/3).</li>
 *   <li>Rosenbrock (Rosenbrock, "An automatic method for finding the greatest or least value of a function",
 *       Computer Journal 3, 1960), f(x) = sum_{i<d} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 on [-2, 2]^d, d >= 2:
 *       minimum 0 at x = (1, ..., 1) (u_i = 3/4), at the bottom of a curved valley.</li>
 *   <li>Branin (Dixon and Szegő, "Towards global optimisation 2", 1978), f(x) = a (x_2 - b x_1^2 + c x_1 -
 *       r)^2 + s (1 - t) cos x_1 + s with a = 1, b = 5.1/(4 pi^2), c = 5/pi, r = 6, s = 10, t = 1/(8 pi), on
 *       [-5, 10] x [0, 15], d = 2: minimum 5/(4 pi) = 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475).</li>
 * </ul>
 */
public enum KnownFunction implements ConfigNamed {
    SPHERE(-5.0, 10.0, 1, Integer.MAX_VALUE, 0.0),
    ROSENBROCK(-2.0, 2.0, 2, Integer.MAX_VALUE, 0.0),
    BRANIN(Double.NaN, Double.NaN, 2, 2, 5.0 / (4.0 * Math.PI));

    private final double low;
    private final double high;
    private final int minDimension;
    private final int maxDimension;
    private final double minimum;

    KnownFunction(double low, double high, int minDimension, int maxDimension, double minimum) {
        this.low = low;
        this.high = high;
        this.minDimension = minDimension;
        this.maxDimension = maxDimension;
        this.minimum = minimum;
    }

    /** @return the function called {@code name}, if any */
    public static Optional<KnownFunction> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return the known minimum value */
    public double minimum() {
        return minimum;
    }

    /**
     * @param dimension the number of coordinates
     * @throws IllegalArgumentException when the function is not defined in that many dimensions
     */
    public void checkDimension(int dimension) {
        if (dimension < minDimension || dimension > maxDimension) {
            String rule = minDimension == maxDimension ? "exactly " + minDimension : "at least " + minDimension;
            throw new IllegalArgumentException(configName() + " needs " + rule + " coordinates (range parameters"
                    + " in hpo.search.space), got " + dimension);
        }
    }

    /** @return the minimizers in the unit cube of {@code dimension} coordinates */
    public List<double[]> unitMinimizers(int dimension) {
        checkDimension(dimension);
        return switch (this) {
            case SPHERE -> List.of(filled(dimension, 1.0 / 3.0));
            case ROSENBROCK -> List.of(filled(dimension, 0.75));
            case BRANIN -> List.of(new double[] {(5.0 - Math.PI) / 15.0, 12.275 / 15.0},
                    new double[] {(5.0 + Math.PI) / 15.0, 2.275 / 15.0},
                    new double[] {(5.0 + 9.42477796) / 15.0, 2.475 / 15.0});
        };
    }

    /**
     * @param unit a point of the unit cube (coordinates outside [0, 1] are mapped linearly all the same)
     * @return f at the point of the domain box that {@code unit} maps to
     */
    public double valueAtUnit(double[] unit) {
        checkDimension(unit.length);
        double[] x = new double[unit.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = lowOf(i) + unit[i] * (highOf(i) - lowOf(i));
        }
        return value(x);
    }

    /** @return f at {@code x}, a point of the domain box */
    public double value(double[] x) {
        return switch (this) {
            case SPHERE -> Arrays.stream(x).map(v -> v * v).sum();
            case ROSENBROCK -> rosenbrock(x);
            case BRANIN -> branin(x[0], x[1]);
        };
    }

    private double lowOf(int i) {
        return this == BRANIN ? (i == 0 ? -5.0 : 0.0) : low;
    }

    private double highOf(int i) {
        return this == BRANIN ? (i == 0 ? 10.0 : 15.0) : high;
    }

    private static double rosenbrock(double[] x) {
        double sum = 0.0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            sum += 100.0 * valley * valley + (1.0 - x[i]) * (1.0 - x[i]);
        }
        return sum;
    }

    private static double branin(double x1, double x2) {
        double b = 5.1 / (4.0 * Math.PI * Math.PI);
        double c = 5.0 / Math.PI;
        double t = 1.0 / (8.0 * Math.PI);
        double term = x2 - b * x1 * x1 + c * x1 - 6.0;
        return term * term + 10.0 * (1.0 - t) * Math.cos(x1) + 10.0;
    }

    private static double[] filled(int dimension, double value) {
        double[] point = new double[dimension];
        Arrays.fill(point, value);
        return point;
    }
}
