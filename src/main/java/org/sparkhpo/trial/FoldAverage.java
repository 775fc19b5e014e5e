package org.sparkhpo.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial's result under k-fold cross-validation, from its results on the k folds (Stone 1974,
 * "Cross-validatory choice and assessment of statistical predictions"; as MLlib's {@code CrossValidator} and
 * scikit-learn's {@code GridSearchCV}, which rank configurations by the mean validation score over the folds).
 *
 * <p>Rules: a trial fails when any fold failed (the first failing fold's reason, prefixed with its number, and
 * its metrics); otherwise every metric all folds report is their mean, except {@code train_seconds}, which is
 * the sum (the trial's whole cost), and {@code epochs} and {@code best_epoch}, which are rounded means (the
 * final model retrains for {@code best_epoch} epochs). The objective's spread, the population standard
 * deviation over the folds (as scikit-learn's {@code std_test_score}), goes in {@code <objective>_std}, and the
 * number of folds in {@code folds}. The learning curve is the mean over the folds that reached each epoch.
 */
final class FoldAverage {
    private FoldAverage() {
    }

    /**
     * @param trial the trial
     * @param perFold its result on every fold, fold 1 first
     * @param objectiveKey the objective's metric key
     * @return the trial's result
     */
    static TrialResult combine(Trial trial, List<TrialResult> perFold, String objectiveKey) {
        for (int f = 0; f < perFold.size(); f++) {
            TrialResult fold = perFold.get(f);
            if (fold.state() == TrialState.FAILED) {
                Map<String, Double> metrics = new LinkedHashMap<>(fold.metrics());
                metrics.put(MetricKeys.FOLDS, (double) perFold.size());
                return TrialResult.failed(trial, "fold " + (f + 1) + " of " + perFold.size() + ": " + fold.error(),
                        metrics, fold.curve());
            }
        }
        TrialState state = perFold.stream().anyMatch(r -> r.state() == TrialState.PRUNED)
                ? TrialState.PRUNED : TrialState.COMPLETE;
        return new TrialResult(trial.id(), trial.round(), trial.phase(), state, trial.configuration(),
                metrics(perFold, objectiveKey), trial.seed(), null, meanCurve(perFold));
    }

    private static Map<String, Double> metrics(List<TrialResult> perFold, String objectiveKey) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : perFold.get(0).metrics().keySet()) {
            if (perFold.stream().allMatch(r -> r.metrics().containsKey(key))) {
                metrics.put(key, combined(key, perFold));
            }
            if (key.equals(objectiveKey)) {
                metrics.put(MetricKeys.spread(key), spread(key, perFold));
            }
        }
        metrics.put(MetricKeys.FOLDS, (double) perFold.size());
        return metrics;
    }

    private static double combined(String key, List<TrialResult> perFold) {
        double sum = 0.0;
        for (TrialResult fold : perFold) {
            sum += fold.metric(key);
        }
        if (key.equals(MetricKeys.TRAIN_SECONDS)) {
            return sum;
        }
        double mean = sum / perFold.size();
        boolean epochCount = key.equals(MetricKeys.EPOCHS) || key.equals(MetricKeys.BEST_EPOCH);
        return epochCount ? Math.round(mean) : mean;
    }

    /** Population standard deviation of {@code key} over the folds. */
    private static double spread(String key, List<TrialResult> perFold) {
        double mean = perFold.stream().mapToDouble(r -> r.metric(key)).average().orElse(Double.NaN);
        double squares = perFold.stream().mapToDouble(r -> (r.metric(key) - mean) * (r.metric(key) - mean)).sum();
        return Math.sqrt(squares / perFold.size());
    }

    /** Epoch by epoch, the mean over the folds whose curve reaches that epoch. */
    private static List<Double> meanCurve(List<TrialResult> perFold) {
        int longest = perFold.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
        List<Double> curve = new ArrayList<>(longest);
        for (int epoch = 0; epoch < longest; epoch++) {
            double sum = 0.0;
            int count = 0;
            for (TrialResult fold : perFold) {
                if (epoch < fold.curve().size()) {
                    sum += fold.curve().get(epoch);
                    count++;
                }
            }
            curve.add(sum / count);
        }
        return curve;
    }
}
