package org.sparkhpo.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Locale;
import java.util.Random;

/**
 * Compares the two ways to lay out the scores product of the float kernel, streaming mini-batches of
 * {@code batch} rows through a {@code rows} x 784 array as an epoch does (the block leaves the cache between uses):
 * {@code wide} is S^T = W X^T (columns x batch, the kernel's form until 2026-11-30), {@code tall} is S = X W^T
 * (batch x columns, the kernel's form since, transposed while converted to double). The gradient product
 * (dW = G^T X) is printed beside them. Prints {@code forms <columns> <wide> <tall> <gradient>} in GFLOP/s, best of
 * three passes.
 *
 * <p>Usage: {@code GemmForms rows batch columns...}.
 */
public final class GemmForms {
    private static final int FEATURES = 784;

    private GemmForms() {
    }

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        float[] x = gaussian(rows * FEATURES, 1L);
        for (int a = 2; a < args.length; a++) {
            int columns = Integer.parseInt(args[a]);
            float[] w = gaussian(columns * FEATURES, 2L);
            float[] s = new float[batch * columns];
            float[] g = new float[columns * FEATURES];
            double[] best = new double[3];
            for (int pass = 0; pass < 3; pass++) {
                for (int form = 0; form < 3; form++) {
                    best[form] = Math.max(best[form], pass(form, x, rows, batch, columns, w, s, g));
                }
            }
            System.out.printf(Locale.ROOT, "forms %d %.1f %.1f %.1f%n", columns, best[0], best[1], best[2]);
        }
    }

    /** @return GFLOP/s of one pass over the array in the given form (0 wide, 1 tall, 2 gradient) */
    private static double pass(int form, float[] x, int rows, int batch, int columns, float[] w, float[] s,
                               float[] g) {
        BLAS blas = BLAS.getInstance();
        int d = FEATURES;
        int blocks = rows / batch;
        long start = System.nanoTime();
        for (int i = 0; i < blocks; i++) {
            int offset = i * batch * d;
            switch (form) {
                case 0 -> blas.sgemm("T", "N", columns, batch, d, 1f, w, 0, d, x, offset, d, 0f, s, 0, columns);
                case 1 -> blas.sgemm("T", "N", batch, columns, d, 1f, x, offset, d, w, 0, d, 0f, s, 0, batch);
                default -> blas.sgemm("N", "T", d, columns, batch, 1f, x, offset, d, s, 0, columns, 0f, g, 0, d);
            }
        }
        return 2.0 * columns * batch * d * blocks / ((System.nanoTime() - start) / 1e9) / 1e9;
    }

    private static float[] gaussian(int length, long seed) {
        Random random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 0.1f;
        }
        return values;
    }
}
