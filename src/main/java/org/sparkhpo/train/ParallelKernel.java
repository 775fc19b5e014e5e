package org.sparkhpo.train;

import org.sparkhpo.data.Features;

/**
 * A {@link Kernel} that splits each call's rows across T threads: intra-trial data parallelism of the
 * mini-batch products (the synchronous data-parallel SGD of Dean et al., "Large scale distributed deep
 * networks", NIPS 2012, here on the cores of one machine). With the block's rows cut into T contiguous slices
 * X_1 .. X_T (sizes differing by at most one),
 * <pre>
 *   S   = [X_1 W^T; ...; X_T W^T]        each thread writes its own rows of S: the same numbers as one thread
 *   dW  = G_1^T X_1 + ... + G_T^T X_T    each thread its own partial product into its own buffer, summed in
 *                                        thread order before the caller's update (the sum's entries split
 *                                        across the threads too)
 * </pre>
 * so the scores are exactly those of one thread and the gradient differs only by the order of the floating-point
 * sums (deterministic for a given T). Slice t runs on the calling thread for t = 0 and on a {@link WorkerTeam}'s
 * T - 1 threads otherwise, made once per kernel (one per pack in a task), never per call; each slice has its
 * own single-thread kernel (their float buffers are not shared). The per-call cost beyond the products is one
 * spinning hand-off (about a microsecond) and the O(T columns d) sum, against the O(n columns d) products.
 * {@link #split} lends the same threads to the pack's per-model work (losses, steps).
 *
 * <p>Written by hand: BLAS's own threading (OpenBLAS) is process-wide and switched off per task
 * ({@code OPENBLAS_NUM_THREADS=1}, so tasks do not oversubscribe cores); this splits one task's products over
 * exactly the cores its Spark task holds. Lifecycle: built with its pack, {@link #close()}d when the pack ends;
 * one caller at a time.
 */
final class ParallelKernel implements Kernel, AutoCloseable {
    private final Kernel[] slices;
    private final double[][] partials;
    private final int d;
    private final WorkerTeam team;

    /**
     * @param features the rows
     * @param maxRows the most rows of one call
     * @param maxColumns the most weight rows of one call
     * @param threads T, >= 2
     */
    ParallelKernel(Features features, int maxRows, int maxColumns, int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 2 for a parallel kernel");
        }
        this.d = features.columns();
        int sliceRows = (Math.max(1, maxRows) + threads - 1) / threads;
        this.slices = new Kernel[threads];
        this.partials = new double[threads][];
        for (int t = 0; t < threads; t++) {
            slices[t] = Kernel.of(features, sliceRows, maxColumns);
            partials[t] = t == 0 ? null : new double[maxColumns * d];
        }
        this.team = new WorkerTeam(threads);
    }

    /** @return T, the threads a call's rows are split across */
    int threads() {
        return slices.length;
    }

    @Override
    public void scores(int from, int to, double[] weights, int columns, double[] out, int outOffset) {
        run(from, to, (t, sliceFrom, sliceTo) -> slices[t].scores(sliceFrom, sliceTo, weights, columns, out,
                outOffset + (sliceFrom - from) * columns));
    }

    @Override
    public void gradient(int from, int to, double[] scoreGradient, int gradientOffset, int columns,
                         double[] out) {
        int used = run(from, to, (t, sliceFrom, sliceTo) -> slices[t].gradient(sliceFrom, sliceTo, scoreGradient,
                gradientOffset + (sliceFrom - from) * columns, columns, t == 0 ? out : partials[t]));
        sumPartials(used, columns * d, out);
    }

    /** out += partials[1] + ... + partials[used - 1], entries [0, size) split across the threads. */
    private void sumPartials(int used, int size, double[] out) {
        if (used < 2) {
            return;
        }
        run(0, size, (t, first, last) -> {
            for (int p = 1; p < used; p++) {
                double[] partial = partials[p];
                for (int i = first; i < last; i++) {
                    out[i] += partial[i];
                }
            }
        });
    }

    /**
     * Runs {@code work} on min(T, count) contiguous parts of [0, count), part 0 on this thread, the others on the
     * kernel's threads, and waits for all of them: the per-model work of a pack split across the threads.
     *
     * @param count the items to split
     * @param work the work on items [partFrom, partTo) of part t
     */
    void split(int count, SliceWork work) {
        run(0, count, work);
    }

    /** One slice's work: rows [sliceFrom, sliceTo) on slice kernel t. */
    @FunctionalInterface
    interface SliceWork {
        void apply(int t, int sliceFrom, int sliceTo);
    }

    /**
     * Runs {@code work} on min(T, rows) contiguous slices of [from, to), slice 0 on this thread, and waits for
     * all of them.
     *
     * @return how many slices ran
     */
    private int run(int from, int to, SliceWork work) {
        int n = to - from;
        int used = Math.max(1, Math.min(slices.length, n));
        team.run(used, t -> work.apply(t, sliceStart(from, n, used, t), sliceStart(from, n, used, t + 1)));
        return used;
    }

    /** @return the first row of slice t of {@code used} slices of n rows from {@code from} */
    private static int sliceStart(int from, int n, int used, int t) {
        return from + t * (n / used) + Math.min(t, n % used);
    }

    /** Stops the team's threads. */
    @Override
    public void close() {
        team.close();
    }
}
