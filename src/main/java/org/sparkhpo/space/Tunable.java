package org.sparkhpo.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hyperparameters a search space may set, with their configuration keys and validity rules. The
 * same keys name the fixed values under {@code hpo.training}.
 */
public enum Tunable {
    /** Base step size eta, > 0. */
    LEARNING_RATE("learning-rate", Kind.REAL),
    /** Momentum beta, in [0, 1). */
    MOMENTUM("momentum", Kind.REAL),
    /** Nesterov's look-ahead gradient instead of heavy ball. */
    NESTEROV("nesterov", Kind.BOOLEAN),
    /** Mini-batch size, >= 1. */
    BATCH_SIZE("batch-size", Kind.INTEGER),
    /** Epoch budget, >= 1. */
    EPOCHS("epochs", Kind.INTEGER),
    /** L2 penalty lambda2 (1/2 lambda2 ||w||^2), >= 0. */
    L2("l2", Kind.REAL),
    /** L1 penalty lambda1 (lambda1 ||w||_1, proximal step), >= 0. */
    L1("l1", Kind.REAL),
    /** Learning-rate schedule: constant, inverse-sqrt, step or cosine. */
    SCHEDULE("schedule", Kind.NAME),
    /** Step decay: factor applied every decay-epochs, in (0, 1]. */
    DECAY_RATE("decay-rate", Kind.REAL),
    /** Step decay: period in epochs, >= 1. */
    DECAY_EPOCHS("decay-epochs", Kind.INTEGER),
    /** Cores one trial trains on (data-parallel mini-batch products), in [1, {@value #MAX_THREADS}]. */
    THREADS("threads", Kind.INTEGER),
    /** Arithmetic of the trial's training products: float (sgemm) or double (dgemm) features. */
    PRECISION("precision", Kind.NAME);

    /** The most threads one trial may use. */
    public static final int MAX_THREADS = 64;

    /** The schedule names {@link #SCHEDULE} accepts. */
    public static final List<String> SCHEDULES = List.of("constant", "inverse-sqrt", "step", "cosine");
    /** The precision names {@link #PRECISION} accepts. */
    public static final List<String> PRECISIONS = List.of("float", "double");

    /** The value type of a tunable. */
    public enum Kind { REAL, INTEGER, BOOLEAN, NAME }

    private final String key;
    private final Kind kind;

    Tunable(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** @return the configuration key, for example {@code learning-rate} */
    public String key() {
        return key;
    }

    /** @return the value type */
    public Kind kind() {
        return kind;
    }

    /** @return the tunable whose key is {@code key}, if any */
    public static Optional<Tunable> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** @return every key, for messages */
    public static String keys() {
        return Arrays.stream(values()).map(Tunable::key).toList().toString();
    }

    /**
     * Checks a value against this tunable's type and range.
     *
     * @param value the value (Number, Boolean or String)
     * @throws IllegalArgumentException naming the key, the value and the rule
     */
    public void check(Object value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(key + ": " + render(value) + " " + problem);
        }
    }

    private String problem(Object value) {
        switch (kind) {
            case BOOLEAN:
                return value instanceof Boolean ? null : "must be true or false";
            case NAME:
                List<String> names = this == PRECISION ? PRECISIONS : SCHEDULES;
                return value instanceof String s && names.contains(s.toLowerCase(Locale.ROOT))
                        ? null : "must be one of " + names;
            case INTEGER:
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    return "must be an integer";
                }
                if (this == THREADS && n.doubleValue() > MAX_THREADS) {
                    return "must be in [1, " + MAX_THREADS + "]";
                }
                return n.doubleValue() >= 1 ? null : "must be >= 1";
            default:
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return "must be a finite number";
                }
                return realRule(n.doubleValue());
        }
    }

    private String realRule(double v) {
        return switch (this) {
            case LEARNING_RATE -> v > 0 ? null : "must be > 0";
            case MOMENTUM -> v >= 0 && v < 1 ? null : "must be in [0, 1)";
            case DECAY_RATE -> v > 0 && v <= 1 ? null : "must be in (0, 1]";
            default -> v >= 0 ? null : "must be >= 0";
        };
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
