package org.sparkhpo.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The wall time of each part of a job (JVM start, Spark start, data, search, retrain, test metrics and model
 * write), for the one log line that says where a job's time went. Parts that ran alongside each other are
 * recorded as such, so the line does not add them up twice. Driver-only, main thread.
 */
final class PhaseTimes {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    /** Records the JVM's time from its start to now (class loading, logging set-up, settings). */
    void recordJvmStart() {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        record("jvm", Math.max(0L, System.currentTimeMillis() - startMillis) / 1e3);
    }

    /** @return seconds since {@code startNanos} */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void record(String phase, double phaseSeconds) {
        seconds.put(phase, phaseSeconds);
    }

    /** Records a phase with a remark, for example that it ran alongside another. */
    void record(String phase, double phaseSeconds, String note) {
        seconds.put(phase, phaseSeconds);
        notes.put(phase, note);
    }

    /** @return the seconds of {@code phase}, or NaN when it was not recorded */
    double get(String phase) {
        return seconds.getOrDefault(phase, Double.NaN);
    }

    /** @return "timing: jvm 0.4s, spark start 2.1s, data 1.4s (alongside spark start), ..." */
    String line() {
        StringJoiner joiner = new StringJoiner(", ", "timing: ", "");
        seconds.forEach((phase, value) -> joiner.add(String.format(Locale.ROOT, "%s %.2fs%s", phase, value,
                notes.containsKey(phase) ? " (" + notes.get(phase) + ")" : "")));
        return joiner.toString();
    }
}
