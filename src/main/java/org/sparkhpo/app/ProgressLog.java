package org.sparkhpo.app;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * One log line per finished trial: done/total, the trial's outcome, the best so far and the elapsed time.
 * Driver-only; called on the driver's main thread.
 */
final class ProgressLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.sparkhpo.progress");

    private final Metric metric;
    private final String key;
    private int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private TrialResult best;

    ProgressLog(Metric metric, int total) {
        this.metric = metric;
        this.key = TrialRunner.objectiveKey(metric);
        this.total = total;
    }

    void finished(TrialResult result) {
        log(result, "");
    }

    /** Logs a result an earlier attempt journaled, which this one replays instead of running. */
    void replayed(TrialResult result) {
        log(result, " (replayed from the journal)");
    }

    private void log(TrialResult result, String origin) {
        done++;
        double value = result.metric(key);
        if (result.state() == TrialState.COMPLETE && (best == null || metric.isBetter(value, best.metric(key)))) {
            best = result;
        }
        String outcome = result.state() == TrialState.FAILED ? "FAILED (" + result.error() + ")"
                : String.format(Locale.ROOT, "%s %s=%.4f in %.1fs, %d epochs", result.state(), key, value,
                result.metric(MetricKeys.TRAIN_SECONDS), (int) result.metric(MetricKeys.EPOCHS));
        String bestText = best == null ? "none yet" : String.format(Locale.ROOT, "%.4f (trial %d)",
                best.metric(key), best.id());
        LOG.info(String.format(Locale.ROOT, "[%d/%d] trial %d %s%s | best %s | elapsed %.1fs", done, total,
                result.id(), outcome, origin, bestText, elapsedSeconds()));
    }

    /** @param total how many trials the run plans in all (the strategy's plus warm-start trials) */
    void plannedTrials(int total) {
        this.total = total;
    }

    void info(String message) {
        LOG.info(message);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
