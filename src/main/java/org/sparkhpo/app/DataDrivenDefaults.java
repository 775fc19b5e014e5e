package org.sparkhpo.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.sparkhpo.config.DataDrivenSettings;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.data.Features;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.space.DataDrivenSpace;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.baseline.SmoothnessEstimator;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.StoppingRules;

/**
 * Derives the {@code auto} settings from the prepared (scaled) training data, once, on the driver, before the
 * search starts. Like FLAML's zero-shot defaults (Wang et al., "FLAML: A Fast and Lightweight AutoML Library",
 * MLSys 2021), the values are functions of meta-features of the data, here the number of training rows n and
 * the smoothness of the loss; unlike FLAML's they come from optimization theory rather than from a portfolio
 * learned offline:
 * <ul>
 *   <li>batch size B: the power of two nearest n / {@link #ROWS_PER_BATCH}, within [{@link #MIN_BATCH},
 *       {@link #MAX_BATCH}], so small sets still get many steps per epoch and large ones an efficient GEMM;</li>
 *   <li>step size: the mini-batch smoothness of Gower et al. ("SGD: General Analysis and Improved Rates", ICML
 *       2019, b-nice sampling) L_B = n(B-1)/(B(n-1)) L + (n-B)/(B(n-1)) L_max, with L = c lambda_max(X~^T X~/n)
 *       from {@link SmoothnessEstimator} (the theory strategy's estimate) and L_max = c max_i |x~_i|^2
 *       (x~ a row with the bias's 1), both on at most {@link #SAMPLE_ROWS} rows; the learning-rate range is
 *       [{@link #LOW_STEP}, {@link #HIGH_STEP}] / L_B on a log scale (heavy ball with momentum beta is stable
 *       below 2(1+beta)/L on a quadratic), a fixed {@code auto} learning rate its geometric middle;</li>
 *   <li>L2 penalty: a range [{@link #LOW_C_INVERSE}, {@link #HIGH_C_INVERSE}] / n, which is scikit-learn's
 *       inverse regularization C from 100 down to 0.01 in our per-row penalty (l2 = 1 / (C n)); a fixed
 *       {@code auto} L2 is 1 / n (C = 1, scikit-learn's default);</li>
 *   <li>epochs: a budget of {@code hpo.training.steps} optimizer steps, epochs = ceil(steps B / n) within
 *       [{@link #MIN_EPOCHS}, {@link #MAX_EPOCHS}], so 150 rows train for hundreds of short epochs and 10^6
 *       rows for one;</li>
 *   <li>patience: a tenth of the epoch budget, at least {@link #MIN_PATIENCE} epochs, so a long budget of
 *       short epochs is not cut after three of them (a few dozen steps) by a noisy validation metric.</li>
 * </ul>
 * Every value set to a number in the configuration, and an explicit search space, is kept as given.
 */
public final class DataDrivenDefaults {
    static final int ROWS_PER_BATCH = 64;
    static final int MIN_PATIENCE = 3;
    static final int PATIENCE_DIVISOR = 10;
    static final int MIN_BATCH = 8;
    static final int MAX_BATCH = 256;
    static final int MIN_EPOCHS = 1;
    static final int MAX_EPOCHS = 500;
    static final double LOW_STEP = 0.01;
    static final double HIGH_STEP = 2.0;
    static final double LOW_C_INVERSE = 0.01;
    static final double HIGH_C_INVERSE = 100.0;
    /** Rows the smoothness is estimated on (a seeded sample of larger sets): enough for lambda_max's scale. */
    static final int SAMPLE_ROWS = 10_000;

    /**
     * The derived values, for the log, summary.txt and best.json.
     *
     * @param settings the settings with every {@code auto} value resolved
     * @param report what was derived and from what, in insertion order (empty when nothing was)
     */
    public record Resolved(JobSettings settings, Map<String, Object> report) {
    }

    private DataDrivenDefaults() {
    }

    /**
     * @param settings the loaded settings, possibly with {@code auto} placeholders
     * @param data the prepared data
     * @return the settings with the derived values, and a report of them
     */
    public static Resolved resolve(JobSettings settings, PreparedData data) {
        DataDrivenSettings auto = settings.dataDriven();
        if (!auto.any() || settings.objective().function().isPresent()) {
            return new Resolved(settings, Map.of());
        }
        HyperParameters fixed = settings.fixed();
        int n = Math.max(1, data.train().rows());
        int batch = auto.batchSize() ? batchSize(n) : fixed.batchSize();
        double smoothness = miniBatchSmoothness(sample(data.train(), settings.seed()), settings, batch);
        double[] rates = {LOW_STEP / smoothness, HIGH_STEP / smoothness};
        double[] penalties = {LOW_C_INVERSE / n, HIGH_C_INVERSE / n};
        int epochs = auto.epochs() ? epochs(auto.steps(), batch, n) : fixed.epochs();
        HyperParameters resolved = new HyperParameters(
                auto.learningRate() ? Math.sqrt(rates[0] * rates[1]) : fixed.learningRate(), fixed.momentum(),
                fixed.nesterov(), batch, epochs, auto.l2() ? 1.0 / n : fixed.l2(), fixed.l1(), fixed.schedule(),
                fixed.decayRate(), fixed.decayEpochs(), fixed.threads(),
                fixed.precision());
        SearchSpace space = auto.space() ? DataDrivenSpace.of(auto.learningRate() ? rates : null,
                auto.l2() ? penalties : null, resolved.learningRate()) : settings.search().space();
        StoppingRules stopping = settings.stopping();
        if (auto.patience()) {
            stopping = new StoppingRules(patience(epochs), stopping.minDelta(), stopping.divergenceFactor());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("train_rows", n);
        report.put("smoothness_batch", smoothness);
        report.put("batch_size", batch);
        report.put("epochs", epochs);
        report.put("patience", stopping.patience());
        report.put("learning_rate", auto.space() && auto.learningRate() ? rates : resolved.learningRate());
        report.put("l2", auto.space() && auto.l2() ? penalties : resolved.l2());
        return new Resolved(settings.withDataDriven(resolved, stopping, space), report);
    }

    /** @return the power of two nearest n / ROWS_PER_BATCH (on a log scale), within [MIN_BATCH, MAX_BATCH] */
    static int batchSize(int rows) {
        double exponent = Math.rint(Math.log((double) rows / ROWS_PER_BATCH) / Math.log(2.0));
        return (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.pow(2.0, Math.max(0.0, exponent))));
    }

    /** @return ceil(steps * batch / rows), within [MIN_EPOCHS, MAX_EPOCHS] */
    static int epochs(int steps, int batch, int rows) {
        long wanted = ((long) steps * batch + rows - 1) / rows;
        return (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, wanted));
    }

    /** @return max(MIN_PATIENCE, ceil(epochs / PATIENCE_DIVISOR)): a tenth of the budget, at least 3 epochs */
    static int patience(int epochs) {
        return Math.max(MIN_PATIENCE, (epochs + PATIENCE_DIVISOR - 1) / PATIENCE_DIVISOR);
    }

    /** L_B of the class doc, on the loss alone (an automatic l2 of at most 100 / n is small next to it). */
    private static double miniBatchSmoothness(LabeledData sample, JobSettings settings, int batch) {
        double c = SmoothnessEstimator.curvature(settings.model().loss());
        double full = SmoothnessEstimator.estimate(sample, settings.model().loss(), 0.0, settings.seed())
                .smoothness();
        double largest = c * largestRowNormSquared(sample.features());
        int n = Math.max(2, sample.rows());
        int b = Math.min(batch, n);
        double value = (double) n * (b - 1) / ((double) b * (n - 1)) * full
                + (double) (n - b) / ((double) b * (n - 1)) * largest;
        return value > 0.0 && Double.isFinite(value) ? value : 1.0;
    }

    /** @return max_i (|x_i|^2 + 1), the 1 for the bias column */
    private static double largestRowNormSquared(Features x) {
        double largest = 0.0;
        for (int r = 0; r < x.rows(); r++) {
            double squares = 1.0;
            if (x instanceof SparseFeatures sparse) {
                for (int k = sparse.rowStart()[r]; k < sparse.rowStart()[r + 1]; k++) {
                    squares += sparse.values()[k] * sparse.values()[k];
                }
            } else {
                for (int c = 0; c < x.columns(); c++) {
                    squares += x.get(r, c) * x.get(r, c);
                }
            }
            largest = Math.max(largest, squares);
        }
        return largest;
    }

    private static LabeledData sample(LabeledData train, long seed) {
        if (train.rows() <= SAMPLE_ROWS) {
            return train;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = random.ints(SAMPLE_ROWS, 0, train.rows()).sorted().toArray();
        return train.selectRows(rows);
    }
}
