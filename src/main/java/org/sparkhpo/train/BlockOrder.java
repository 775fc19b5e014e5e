package org.sparkhpo.train;

import java.util.SplittableRandom;
import org.sparkhpo.common.TrialSeeds;

/**
 * The order in which an epoch visits the training rows: the rows are cut into contiguous blocks of the
 * mini-batch size b, and each epoch visits the blocks in a seeded random order. A mini-batch is then one
 * block, a contiguous slice of the (broadcast) feature array that the kernel's GEMM reads in place through an
 * offset, with no gather copy (the "shuffled blocks" of the block-coordinate and out-of-core SGD literature;
 * see also Bottou, "Curiously fast convergence of some stochastic gradient descent algorithms", 2009, on
 * shuffling orders). The rows themselves were put in a seeded random order once, when the data was prepared
 * ({@code data.DataPreparer}), so a block is a random sample of the data and not a run of one file region.
 *
 * <p>Blocks: {@code floor(n / b)} full blocks [i b, (i + 1) b) and, when b does not divide n, one partial
 * block [floor(n / b) b, n) of the remaining rows. The partial block is shuffled with the others and
 * trained as a smaller mini-batch (its loss is averaged over its own rows, as every batch's), so every row is
 * visited exactly once per epoch and no row is dropped.
 *
 * <p>The order of epoch e is a Fisher–Yates shuffle of the block numbers by a {@link SplittableRandom}
 * seeded with {@code TrialSeeds.of(orderSeed, e)}: a function of (order seed, epoch, n, b) only, so it is
 * the same in every task, in a pack or alone, and after a resume.
 *
 * <p>Immutable; {@link #shuffled} returns a fresh array.
 */
public final class BlockOrder {
    /** The stream of the job seed from which the data order seed is derived ({@link #seedOf}). */
    private static final long ORDER_STREAM = -2L;

    private final int rows;
    private final int batchSize;
    private final int blocks;

    /**
     * @param rows the number of rows n, >= 1
     * @param batchSize the mini-batch size b, >= 1
     */
    public BlockOrder(int rows, int batchSize) {
        if (rows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("block order: rows (" + rows + ") and batch size (" + batchSize
                    + ") must be >= 1");
        }
        this.rows = rows;
        this.batchSize = batchSize;
        this.blocks = (rows + batchSize - 1) / batchSize;
    }

    /**
     * The data order seed of a job: every trial of the job, packed or alone, sees the rows in the order this
     * seed gives (common random numbers), so a trial's result does not depend on which pack it ran in.
     *
     * @param jobSeed the job seed ({@code hpo.seed})
     * @return the order seed
     */
    public static long seedOf(long jobSeed) {
        return TrialSeeds.of(jobSeed, ORDER_STREAM);
    }

    /** @return the number of blocks (mini-batches) of an epoch: ceil(n / b) */
    public int blocks() {
        return blocks;
    }

    /**
     * @param orderSeed the data order seed
     * @param epoch the epoch, from 0
     * @return the block numbers in the order epoch {@code epoch} visits them
     */
    public int[] shuffled(long orderSeed, int epoch) {
        int[] order = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(TrialSeeds.of(orderSeed, epoch));
        for (int i = blocks - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** @return the first row of block {@code block} */
    public int from(int block) {
        return block * batchSize;
    }

    /** @return one past the last row of block {@code block} */
    public int to(int block) {
        return Math.min(rows, (block + 1) * batchSize);
    }
}
