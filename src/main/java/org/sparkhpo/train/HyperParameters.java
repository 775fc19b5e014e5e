package org.sparkhpo.train;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Tunable;

/**
 * The hyperparameters of one training run. Built from the fixed values of {@code hpo.training} with a
 * trial's configuration laid over them ({@link #with(Configuration)}); every value is checked by
 * {@link Tunable#check(Object)} on construction.
 *
 * @param learningRate base step size eta
 * @param momentum beta in [0, 1)
 * @param nesterov look-ahead gradient (Nesterov) instead of heavy ball
 * @param batchSize mini-batch size
 * @param epochs epoch budget
 * @param l2 L2 penalty lambda2 on the weights (not the bias)
 * @param l1 L1 penalty lambda1 on the weights (not the bias), applied by a proximal step
 * @param schedule learning-rate schedule name (see {@link Tunable#SCHEDULES})
 * @param decayRate step decay factor
 * @param decayEpochs step decay period in epochs
 * @param threads the cores the trial trains on: each mini-batch's rows are split across this many threads
 *     ({@link ParallelKernel}); a systems setting, the result equals the 1-thread one up to summation order
 * @param precision the arithmetic of the training products: {@code float}, {@code double}, or
 *     {@link #AS_STORED} (empty) to train on the features as {@code hpo.data.precision} stored them
 */
public record HyperParameters(
        double learningRate,
        double momentum,
        boolean nesterov,
        int batchSize,
        int epochs,
        double l2,
        double l1,
        String schedule,
        double decayRate,
        int decayEpochs,
        int threads,
        String precision) implements Serializable {

    /** {@code precision} of a run that trains on the features as they are stored. */
    public static final String AS_STORED = "";

    public HyperParameters {
        schedule = schedule.toLowerCase(Locale.ROOT);
        Tunable.LEARNING_RATE.check(learningRate);
        Tunable.MOMENTUM.check(momentum);
        Tunable.BATCH_SIZE.check(batchSize);
        Tunable.EPOCHS.check(epochs);
        Tunable.L2.check(l2);
        Tunable.L1.check(l1);
        Tunable.SCHEDULE.check(schedule);
        Tunable.DECAY_RATE.check(decayRate);
        Tunable.DECAY_EPOCHS.check(decayEpochs);
        Tunable.THREADS.check(threads);
        precision = precision.toLowerCase(Locale.ROOT);
        if (!precision.equals(AS_STORED)) {
            Tunable.PRECISION.check(precision);
        }
    }

    /** The hyperparameters of a run on one thread, on the features as stored. */
    public HyperParameters(double learningRate, double momentum, boolean nesterov, int batchSize, int epochs,
                           double l2, double l1, String schedule, double decayRate, int decayEpochs) {
        this(learningRate, momentum, nesterov, batchSize, epochs, l2, l1, schedule, decayRate, decayEpochs, 1);
    }

    /** The hyperparameters of a run on the features as stored. */
    public HyperParameters(double learningRate, double momentum, boolean nesterov, int batchSize, int epochs,
                           double l2, double l1, String schedule, double decayRate, int decayEpochs, int threads) {
        this(learningRate, momentum, nesterov, batchSize, epochs, l2, l1, schedule, decayRate, decayEpochs, threads,
                AS_STORED);
    }

    /**
     * @param configuration a trial's values; keys that are not tunables are ignored
     * @return these hyperparameters with the configuration's values laid over them
     * @throws IllegalArgumentException when a value breaks its tunable's rule
     */
    public HyperParameters with(Configuration configuration) {
        double rate = learningRate;
        double beta = momentum;
        boolean look = nesterov;
        int batch = batchSize;
        int budget = epochs;
        double lambda2 = l2;
        double lambda1 = l1;
        String sched = schedule;
        double decay = decayRate;
        int period = decayEpochs;
        int cores = threads;
        String arithmetic = precision;
        for (Map.Entry<String, Object> entry : configuration.values().entrySet()) {
            Object v = entry.getValue();
            Tunable tunable = Tunable.byKey(entry.getKey()).orElse(null);
            if (tunable == null) {
                continue;
            }
            tunable.check(v);
            switch (tunable) {
                case LEARNING_RATE -> rate = ((Number) v).doubleValue();
                case MOMENTUM -> beta = ((Number) v).doubleValue();
                case NESTEROV -> look = (Boolean) v;
                case BATCH_SIZE -> batch = ((Number) v).intValue();
                case EPOCHS -> budget = ((Number) v).intValue();
                case L2 -> lambda2 = ((Number) v).doubleValue();
                case L1 -> lambda1 = ((Number) v).doubleValue();
                case SCHEDULE -> sched = (String) v;
                case DECAY_RATE -> decay = ((Number) v).doubleValue();
                case DECAY_EPOCHS -> period = ((Number) v).intValue();
                case THREADS -> cores = ((Number) v).intValue();
                case PRECISION -> arithmetic = (String) v;
                default -> throw new IllegalStateException("unhandled tunable " + tunable);
            }
        }
        return new HyperParameters(rate, beta, look, batch, budget, lambda2, lambda1, sched, decay, period, cores,
                arithmetic);
    }

    /** @return these hyperparameters with another epoch budget */
    public HyperParameters withEpochs(int newEpochs) {
        return new HyperParameters(learningRate, momentum, nesterov, batchSize, newEpochs, l2, l1, schedule,
                decayRate, decayEpochs, threads, precision);
    }

    /** @return these hyperparameters training on another number of threads */
    public HyperParameters withThreads(int newThreads) {
        return new HyperParameters(learningRate, momentum, nesterov, batchSize, epochs, l2, l1, schedule,
                decayRate, decayEpochs, newThreads, precision);
    }

    /** @return the learning-rate schedule these hyperparameters describe */
    public LearningRateSchedule learningRateSchedule() {
        return LearningRateSchedule.of(schedule, learningRate, decayRate, decayEpochs, epochs);
    }
}
