package org.sparkhpo.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.Metric;

/**
 * The sanity baseline a tuned model must beat: the majority class of the training part (classification) or
 * the training targets' mean (regression), scored on validation and test with the job's metric family
 * ({@code accuracy}, or {@code rmse} in the target's units). Computed on the driver from the prepared data;
 * no training involved. Under k-fold cross-validation the validation score is the mean over the folds, each
 * fold's baseline fitted on its own training part, as the trials' objective is.
 *
 * @param rule what the baseline predicts, for example {@code majority class 2} or {@code training mean}
 * @param validation the baseline's metric on the validation part
 * @param test the baseline's metric on the test part, empty without test data
 * @param metric the metric both are measured in ({@code ACCURACY} or {@code RMSE})
 */
public record SanityBaseline(String rule, double validation, Optional<Double> test, Metric metric) {

    /**
     * @param data the prepared data (least-squares targets may be scaled; RMSE is reported in their units)
     * @return the baseline
     */
    public static SanityBaseline of(PreparedData data) {
        if (!data.task().isClassification()) {
            double mean = mean(data.train().labels());
            return new SanityBaseline("training mean", meanOverFolds(data, SanityBaseline::validationRmse),
                    data.testPart().map(t -> data.rmseInTargetUnits(rmse(t, mean))), Metric.RMSE);
        }
        int majority = majorityClass(data.train().labels(), data.numClasses());
        return new SanityBaseline("majority class " + majority,
                meanOverFolds(data, SanityBaseline::validationAccuracy),
                data.testPart().map(t -> accuracy(t, majority)), Metric.ACCURACY);
    }

    /** The validation score, averaged over the folds under k-fold cross-validation (as the trials' objective). */
    private static double meanOverFolds(PreparedData data, ToDoubleFunction<PreparedData> score) {
        return data.folds().stream().mapToDouble(score).average().orElse(Double.NaN);
    }

    private static double validationRmse(PreparedData split) {
        return split.rmseInTargetUnits(rmse(split.validation(), mean(split.train().labels())));
    }

    private static double validationAccuracy(PreparedData split) {
        return accuracy(split.validation(), majorityClass(split.train().labels(), split.numClasses()));
    }

    /**
     * @param objective the best trial's validation objective
     * @param objectiveMetric the job's objective metric
     * @return true when the objective is comparable with this baseline and not better than it
     */
    public boolean notBeatenBy(double objective, Metric objectiveMetric) {
        return objectiveMetric == metric && !metric.isBetter(objective, validation);
    }

    /** @return the {@code baseline} entry of best.json */
    public Map<String, Object> report() {
        String key = metric == Metric.RMSE ? "rmse" : "accuracy";
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rule", rule);
        entry.put("validation", Map.of(key, validation));
        entry.put("test", test.<Object>map(value -> Map.of(key, value)).orElse(null));
        return entry;
    }

    /** @return one line for summary.txt */
    public String line() {
        return String.format(Locale.ROOT, "baseline: %s, validation %s %.4f%s", rule,
                metric == Metric.RMSE ? "rmse" : "accuracy", validation,
                test.map(value -> String.format(Locale.ROOT, ", test %.4f", value)).orElse(""));
    }

    private static int majorityClass(double[] labels, int numClasses) {
        int[] counts = new int[Math.max(2, numClasses)];
        for (double label : labels) {
            counts[(int) label]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double accuracy(LabeledData part, int predicted) {
        int correct = 0;
        for (double label : part.labels()) {
            correct += (int) label == predicted ? 1 : 0;
        }
        return part.rows() == 0 ? Double.NaN : (double) correct / part.rows();
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0.0 : sum / values.length;
    }

    private static double rmse(LabeledData part, double predicted) {
        double squares = 0.0;
        for (double label : part.labels()) {
            squares += (label - predicted) * (label - predicted);
        }
        return part.rows() == 0 ? Double.NaN : Math.sqrt(squares / part.rows());
    }
}
