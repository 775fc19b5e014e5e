package org.sparkhpo.bench;

import java.util.Locale;
import java.util.Random;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.train.BlockOrder;
import org.sparkhpo.train.Kernel;

/**
 * The ceiling of {@link PackBenchmark}'s ratio: the two matrix products of training alone (scores, then the weight
 * gradient), run as in training (the grid's batch size, the epoch's shuffled blocks read in place from the training
 * array, the kernel's float/double conversions included), for K = the grid's size models one by one (k columns
 * each, K passes over the data) and for the K models as one pack (K k columns, one pass). A pack's per-model work
 * (loss, score gradient, momentum step, average) is the same as K models' alone, so the pack's gain over one by one
 * is below this one. Best of three repetitions, alternated; no training, the weights are fixed random values.
 * Prints {@code products <K> <alone model-epochs/s> <packed model-epochs/s> <ratio>}.
 *
 * <p>Usage: {@code ProductsBenchmark CONF epochs [key=value ...]}.
 */
public final class ProductsBenchmark {
    private ProductsBenchmark() {
    }

    public static void main(String[] args) {
        GridWorkload workload = GridWorkload.of(args);
        int epochs = Integer.parseInt(args[1]);
        LabeledData train = workload.data().train();
        int models = workload.grid().size();
        int k = workload.trainer().numParameters(train) / (train.features().columns() + 1);
        int batchSize = workload.grid().get(0).batchSize();
        BlockOrder order = new BlockOrder(train.rows(), batchSize);
        Products alone = new Products(train, order, batchSize, k);
        Products packed = new Products(train, order, batchSize, models * k);
        alone.epochs(workload.orderSeed(), 1);
        packed.epochs(workload.orderSeed(), 1);
        double aloneSeconds = Double.MAX_VALUE;
        double packedSeconds = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            for (int m = 0; m < models; m++) {
                alone.epochs(workload.orderSeed(), epochs);
            }
            aloneSeconds = Math.min(aloneSeconds, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            packed.epochs(workload.orderSeed(), epochs);
            packedSeconds = Math.min(packedSeconds, (System.nanoTime() - start) / 1e9);
        }
        double modelEpochs = models * (double) epochs;
        System.out.printf(Locale.ROOT, "products %d %.2f %.2f %.2f%n", models, modelEpochs / aloneSeconds,
                modelEpochs / packedSeconds, aloneSeconds / packedSeconds);
    }

    /** One kernel and its buffers for a fixed number of weight rows. */
    private static final class Products {
        private final LabeledData train;
        private final BlockOrder order;
        private final int columns;
        private final Kernel kernel;
        private final double[] weights;
        private final double[] scores;
        private final double[] gradient;

        Products(LabeledData train, BlockOrder order, int batchSize, int columns) {
            this.train = train;
            this.order = order;
            this.columns = columns;
            int d = train.features().columns();
            this.kernel = Kernel.of(train.features(), batchSize, columns);
            this.weights = new Random(columns).doubles((long) columns * d, -0.01, 0.01).toArray();
            this.scores = new double[batchSize * columns];
            this.gradient = new double[columns * d];
        }

        /** Both products over every block of {@code epochs} epochs, in the training order. */
        void epochs(long orderSeed, int epochs) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int block : order.shuffled(orderSeed, epoch)) {
                    kernel.scores(order.from(block), order.to(block), weights, columns, scores);
                    kernel.gradient(order.from(block), order.to(block), scores, columns, gradient);
                }
            }
        }
    }
}
