package org.sparkhpo.bench;

import java.util.function.ToDoubleFunction;

/**
 * The known-optimum functions of the strategy benchmark (issues 6 and 12), each on its standard box with the
 * unit cube mapped linearly onto it, and its dimension. Benchmark only: the job's own known functions are
 * {@link org.sparkhpo.objective.KnownFunction}. Definitions from Surjanovic and Bingham, "Virtual library of
 * simulation experiments" (sfu.ca/~ssurjano), scripts/bench_optuna.py mirrors them for Optuna.
 * <ul>
 *   <li>sphere 4-d, Rosenbrock 4-d, Branin: as {@code KnownFunction};</li>
 *   <li>Ackley 6-d on [-32.768, 32.768]^d, a = 20, b = 0.2, c = 2 pi: minimum 0 at 0 (multimodal);</li>
 *   <li>Rastrigin 4-d on [-5.12, 5.12]^d, 10 d + sum (x_i^2 - 10 cos 2 pi x_i): minimum 0 at 0 (multimodal);</li>
 *   <li>Levy 8-d on [-10, 10]^d: minimum 0 at (1, ..., 1) (multimodal);</li>
 *   <li>Styblinski–Tang 6-d on [-5, 5]^d, sum (x^4 - 16 x^2 + 5 x) / 2: minimum -39.16617 d at x_i = -2.903534;</li>
 *   <li>Hartmann 6-d on [0, 1]^6: minimum -3.32237 (six local minima).</li>
 * </ul>
 */
enum BenchmarkFunction {
    SPHERE(4, -5, 10, 0.0, x -> org.sparkhpo.objective.KnownFunction.SPHERE.value(x)),
    ROSENBROCK(4, -2, 2, 0.0, x -> org.sparkhpo.objective.KnownFunction.ROSENBROCK.value(x)),
    BRANIN(2, 0, 1, 5.0 / (4.0 * Math.PI), x -> org.sparkhpo.objective.KnownFunction.BRANIN.valueAtUnit(x)),
    ACKLEY(6, -32.768, 32.768, 0.0, BenchmarkFunction::ackley),
    RASTRIGIN(4, -5.12, 5.12, 0.0, BenchmarkFunction::rastrigin),
    LEVY(8, -10, 10, 0.0, BenchmarkFunction::levy),
    STYBLINSKI_TANG(6, -5, 5, -39.16617 * 6, BenchmarkFunction::styblinskiTang),
    HARTMANN6(6, 0, 1, -3.32237, BenchmarkFunction::hartmann6);

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    private final int dimension;
    private final double low;
    private final double high;
    private final double minimum;
    private final ToDoubleFunction<double[]> function;

    BenchmarkFunction(int dimension, double low, double high, double minimum, ToDoubleFunction<double[]> function) {
        this.dimension = dimension;
        this.low = low;
        this.high = high;
        this.minimum = minimum;
        this.function = function;
    }

    int dimension() {
        return dimension;
    }

    double minimum() {
        return minimum;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + dimension;
    }

    double valueAtUnit(double[] unit) {
        double[] x = new double[unit.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = low + unit[i] * (high - low);
        }
        return function.applyAsDouble(x);
    }

    private static double ackley(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
    }

    private static double rastrigin(double[] x) {
        double sum = 10.0 * x.length;
        for (double v : x) {
            sum += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return sum;
    }

    private static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double sum = Math.pow(Math.sin(Math.PI * w[0]), 2);
        for (int i = 0; i < d - 1; i++) {
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
        }
        sum += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
        return sum;
    }

    private static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v * v * v - 16 * v * v + 5 * v;
        }
        return sum / 2;
    }

    private static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                inner += A[i][j] * Math.pow(x[j] - P[i][j] * 1e-4, 2);
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }
}
