package org.sparkhpo.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the machine's BLAS throughput on exactly the two matrix products of a softmax mini-batch (scores
 * S^T = W X^T, k x b x d, and gradient dW^T = X^T G, d x k x b), which gives the lower bound of one epoch:
 * 4 n d k flops at that rate. Prints {@code gemm <impl> <double|float> <gflops> <lowerBoundSeconds>}.
 *
 * <p>Usage: {@code GemmThroughput rows features classes batch}.
 */
public final class GemmThroughput {
    private GemmThroughput() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int b = Integer.parseInt(args[3]);
        String blas = BLAS.getInstance().getClass().getSimpleName();
        double gflops = measure(d, k, b);
        double singleGflops = measureSingle(d, k, b);
        System.out.printf(Locale.ROOT, "gemm %s double %.2f %.4f%n", blas, gflops, 4.0 * n * d * k / (gflops * 1e9));
        System.out.printf(Locale.ROOT, "gemm %s float %.2f %.4f%n", blas, singleGflops,
                4.0 * n * d * k / (singleGflops * 1e9));
    }

    /** @return GFLOP/s of the same two products in single precision ({@code sgemm}) */
    static double measureSingle(int d, int k, int b) {
        BLAS blas = BLAS.getInstance();
        Random random = new Random(1);
        float[] x = new float[b * d];
        float[] w = new float[k * d];
        float[] s = new float[b * k];
        float[] g = new float[k * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        double best = 0;
        for (int rep = 0; rep < 7; rep++) {
            int iterations = 2000;
            long start = System.nanoTime();
            for (int it = 0; it < iterations; it++) {
                blas.sgemm("T", "N", k, b, d, 1.0f, w, 0, d, x, 0, d, 0.0f, s, 0, k);
                blas.sgemm("N", "T", d, k, b, 1.0f, x, 0, d, s, 0, k, 0.0f, g, 0, d);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 4.0 * b * d * k * iterations / seconds / 1e9);
        }
        return best;
    }

    /** @return GFLOP/s of the forward and backward products of one mini-batch, best of several runs */
    static double measure(int d, int k, int b) {
        BLAS blas = BLAS.getInstance();
        Random random = new Random(1);
        double[] x = new double[b * d];
        double[] w = new double[k * d];
        double[] s = new double[b * k];
        double[] g = new double[k * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        double best = 0;
        for (int rep = 0; rep < 7; rep++) {
            int iterations = 2000;
            long start = System.nanoTime();
            for (int it = 0; it < iterations; it++) {
                blas.dgemm("T", "N", k, b, d, 1.0, w, 0, d, x, 0, d, 0.0, s, 0, k);
                blas.dgemm("N", "T", d, k, b, 1.0, x, 0, d, s, 0, k, 0.0, g, 0, d);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 4.0 * b * d * k * iterations / seconds / 1e9);
        }
        return best;
    }
}
