package org.sparkhpo.train;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.data.LabeledData;

/**
 * Trains K models that share a batch size on the same data in the same order, with one pair of matrix
 * products per mini-batch for all of them (the products and the layout are {@link Kernel}'s):
 * <pre>
 *   S = X_B [W_1; ...; W_K]^T                 one GEMM: the scores of every model, side by side
 *   G_m = (1/n) dl/dS_m        for each m     the model's loss on its own columns
 *   [dW_1; ...; dW_K] = [G_1 ... G_K]^T X_B   one GEMM: every model's weight gradient
 *   theta_m &lt;- step_m(theta_m, dW_m)          each model's own update (rate, momentum, L2, L1, schedule)
 * </pre>
 * for each block B of the epoch's {@link BlockOrder}. Reading the block once for K models instead of K
 * times turns K matrix-vector-like products (k = 10 columns) into one wider GEMM (K k columns), which is
 * where BLAS gains its speed.
 *
 * <p>Common random numbers: every model sees the same blocks in the same order, chosen by the order seed and
 * the epoch only, so a model trained in a pack follows the same path as the same model trained alone with
 * the same order seed (up to the summation order inside BLAS, about 1e-12 in double precision).
 *
 * <p>A model that stops early (patience, median rule), reaches its target epoch, fails (NaN, infinite or
 * exploding loss) leaves the pack: from the next block (after a NaN) or the next epoch (otherwise) on, the
 * products cover only the models still active (the columns are compacted, not masked).
 *
 * <p>Threads: with T = the members' {@code threads} > 1 the products run on a {@link ParallelKernel}, each
 * mini-batch's rows split across T threads, and the per-model work (weights copy, loss and score gradient,
 * momentum step) on the same threads, the members split into T contiguous groups (each {@link ModelRun} is
 * touched by one thread per step, so no model is shared), and the validation's blocks too. Before
 * the per-model work was split, a pack of 8 on two threads trained no faster than on one: that work is about a
 * third of a pack's time (BENCHMARKS.md, issue 13).
 *
 * <p>The epoch's validation is packed too: the members' epoch models are scored together, one product per block
 * of validation rows ({@link ModelEvaluator#evaluateAll}).
 *
 * <p>Lifecycle: built inside a task for one pack; owns the kernel (and its threads, stopped when
 * {@link #run()} returns) and the pack's buffers; not thread-safe.
 */
final class TrainingPack {
    private final List<ModelRun> members;
    private final LabeledData train;
    private final ModelEvaluator validation;
    private final BlockOrder order;
    private final long orderSeed;
    private final Kernel kernel;
    private final int k;
    private final int d;
    private final double[] weights;
    private final double[] scores;
    private final double[] gradient;
    private final boolean[] fine;

    /**
     * @param members the models, all at the same epoch
     * @param train the training rows
     * @param validation the validation evaluator, or null
     * @param batchSize the members' batch size
     * @param orderSeed the data order seed
     * @param k scores per row
     * @param threads the threads each mini-batch's products are split across, >= 1
     */
    TrainingPack(List<ModelRun> members, LabeledData train, ModelEvaluator validation, int batchSize,
                 long orderSeed, int k, int threads) {
        this.members = members;
        this.train = train;
        this.validation = validation;
        this.order = new BlockOrder(train.rows(), batchSize);
        this.orderSeed = orderSeed;
        this.k = k;
        this.d = train.features().columns();
        int columns = members.size() * k;
        int maxBatch = Math.min(batchSize, train.rows());
        this.kernel = Kernel.of(train.features(), maxBatch, columns, threads);
        this.weights = new double[columns * d];
        this.scores = new double[maxBatch * columns];
        this.gradient = new double[columns * d];
        this.fine = new boolean[members.size()];
    }

    /** Trains until no member is active; notes each member's end time as it leaves. */
    void run() {
        try {
            List<ModelRun> active = activeMembers();
            while (!active.isEmpty()) {
                epoch(active.get(0).epochsDone(), active);
                active = activeMembers();
            }
        } finally {
            if (kernel instanceof ParallelKernel parallel) {
                parallel.close();
            }
        }
    }

    private List<ModelRun> activeMembers() {
        List<ModelRun> active = new ArrayList<>(members.size());
        long now = System.nanoTime();
        for (ModelRun member : members) {
            if (member.active()) {
                active.add(member);
            } else {
                member.markEnd(now);
            }
        }
        return active;
    }

    /** One epoch of every active member; a member that fails mid-epoch leaves at once. */
    private void epoch(int epoch, List<ModelRun> active) {
        int[] blocks = order.shuffled(orderSeed, epoch);
        List<ModelRun> stepping = new ArrayList<>(active);
        for (ModelRun member : stepping) {
            member.beginEpoch();
        }
        for (int b = 0; b < blocks.length && !stepping.isEmpty(); b++) {
            miniBatch(order.from(blocks[b]), order.to(blocks[b]), b, epoch + b / (double) blocks.length, stepping);
        }
        endEpoch(active);
    }

    /**
     * Ends every active member's epoch: the divergence check, then the validation metric of every member still
     * fine, with one matrix product per validation block for all of them ({@link ModelEvaluator#evaluateAll}).
     */
    private void endEpoch(List<ModelRun> active) {
        List<ModelRun> fineMembers = new ArrayList<>(active.size());
        for (ModelRun member : active) {
            if (member.endEpochTraining(train.rows())) {
                fineMembers.add(member);
            }
        }
        if (validation == null || fineMembers.isEmpty()) {
            fineMembers.forEach(ModelRun::checkpoint);
            return;
        }
        double[] values = validation.evaluateAll(fineMembers.stream().map(ModelRun::epochModel).toList(),
                fineMembers.get(0).metric(), kernel instanceof ParallelKernel parallel ? parallel : null);
        for (int m = 0; m < fineMembers.size(); m++) {
            fineMembers.get(m).checkpoint(values[m]);
        }
    }

    /** One step of every member in {@code stepping} on rows [from, to); drops members whose loss broke. */
    private void miniBatch(int from, int to, int batchNumber, double progress, List<ModelRun> stepping) {
        int n = to - from;
        int columns = stepping.size() * k;
        forMembers(stepping.size(), (a, b) -> {
            for (int m = a; m < b; m++) {
                stepping.get(m).copyWeights(weights, m * k * d);
            }
        });
        kernel.scores(from, to, weights, columns, scores);
        forMembers(stepping.size(), (a, b) -> {
            for (int m = a; m < b; m++) {
                fine[m] = stepping.get(m).scoreGradient(scores, columns, m * k, train.labels(), from, n, batchNumber);
            }
        });
        kernel.gradient(from, to, scores, columns, gradient);
        forMembers(stepping.size(), (a, b) -> {
            for (int m = a; m < b; m++) {
                if (fine[m]) {
                    stepping.get(m).step(gradient, m * k * d, progress);
                }
            }
        });
        for (int m = stepping.size() - 1; m >= 0; m--) {
            if (!fine[m]) {
                stepping.remove(m);
            }
        }
    }

    /** Per-model work on the members [from, to) of the stepping list. */
    @FunctionalInterface
    private interface MemberWork {
        void apply(int from, int to);
    }

    /** Runs {@code work} over members [0, count): split across the kernel's threads, or here with one thread. */
    private void forMembers(int count, MemberWork work) {
        if (kernel instanceof ParallelKernel parallel) {
            parallel.split(count, (t, a, b) -> work.apply(a, b));
        } else {
            work.apply(0, count);
        }
    }
}
