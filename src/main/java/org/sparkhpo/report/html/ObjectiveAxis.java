package org.sparkhpo.report.html;

/**
 * One objective of a run: a metric key of the trials and its direction. A run with two or more objectives gets
 * a Pareto front chart.
 *
 * @param key the metric key, for example {@code val_accuracy}
 * @param higherIsBetter whether larger values are better
 */
public record ObjectiveAxis(String key, boolean higherIsBetter) {
}
