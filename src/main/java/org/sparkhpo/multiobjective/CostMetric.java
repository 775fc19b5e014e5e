package org.sparkhpo.multiobjective;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;

/**
 * A cost a trial records beside its validation metric; every cost is minimized.
 *
 * <ul>
 *   <li>{@code train_seconds}: wall time of the trial's training inside its task;</li>
 *   <li>{@code core_seconds}: train_seconds x the cores the trial used (its {@code threads}, 1 when the
 *       trial did not set it), the cost of training on the hardware;</li>
 *   <li>{@code epochs}: epochs trained;</li>
 *   <li>{@code predict_ms_per_1000}: prediction latency of the trained model per 1,000 validation rows;</li>
 *   <li>{@code nonzero_weights}: model size, the weights that are not exactly zero (L1 drives it down).</li>
 * </ul>
 */
public enum CostMetric {
    TRAIN_SECONDS(MetricKeys.TRAIN_SECONDS),
    CORE_SECONDS("core_seconds"),
    EPOCHS(MetricKeys.EPOCHS),
    PREDICT_MS_PER_1000(MetricKeys.PREDICT_MS_PER_1000),
    NONZERO_WEIGHTS(MetricKeys.NONZERO_WEIGHTS);

    /** The tunable that sets how many cores one trial uses. */
    public static final String THREADS = MetricKeys.THREADS;

    private final String key;

    CostMetric(String key) {
        this.key = key;
    }

    /** @return the name in configuration files and in a trial's metrics */
    public String key() {
        return key;
    }

    /**
     * @param result a trial result
     * @return this cost of the trial, NaN when the trial did not record it
     */
    public double of(TrialResult result) {
        if (this != CORE_SECONDS || result.metrics().containsKey(key)) {
            return result.metric(key);
        }
        return result.metric(TRAIN_SECONDS.key) * coresOf(result);
    }

    /** @return the cores the trial used: its {@code threads} metric or parameter, else 1 */
    public static int coresOf(TrialResult result) {
        double recorded = result.metric(THREADS);
        if (!Double.isNaN(recorded)) {
            return (int) recorded;
        }
        Object configured = result.configuration().get(THREADS);
        return configured instanceof Number n ? n.intValue() : 1;
    }

    /** @return the cost called {@code name}, if any (case-insensitive, '-' read as '_') */
    public static Optional<CostMetric> byKey(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.key.equals(normalized)).findFirst();
    }

    /** @return every key, for messages */
    public static String keys() {
        return Arrays.stream(values()).map(CostMetric::key).toList().toString();
    }
}
