package org.sparkhpo.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule of Google Vizier (Golovin et al., "Google Vizier: a service for black-box
 * optimization", KDD 2017, section 3.2.2): a running trial is stopped at step s when its best objective by
 * step s is strictly worse than the median, over completed trials, of their running averages of the
 * objective up to step s. Here a step is an epoch and the objective is the validation metric; with
 * o_j(e) the metric of completed trial j after epoch e,
 *
 * <pre>
 *   m_s = median_j ( (1/s) sum_{e=1..s} o_j(e) )     over completed trials j with at least s epochs
 *   stop at epoch s  when  best_{e &lt;= s} o(e)  is strictly worse than  m_s
 * </pre>
 *
 * <p>The medians are computed on the driver by {@link #medians} from the learning curves of trials that
 * completed in <em>earlier rounds</em> (a round's trials run at the same time and cannot see each other)
 * and shipped inside the trial; NaN at epoch s means "no rule at s" (within the grace period, or too few
 * completed trials reached s). The rule wraps another stopper (patience), so either can end the run; it is
 * the stopper of one run, built per trial inside the task.
 */
public final class MedianStopper implements EarlyStopper {
    private final EarlyStopper inner;
    private final Metric metric;
    private final double[] medians;
    private double best = Double.NaN;
    private boolean triggered;

    /**
     * @param inner the stopper that also decides (patience), and whose {@code record} answer is returned
     * @param metric the metric and its direction
     * @param medians m_s at index s - 1; NaN where the rule does not apply
     */
    public MedianStopper(EarlyStopper inner, Metric metric, double[] medians) {
        this.inner = inner;
        this.metric = metric;
        this.medians = medians.clone();
    }

    @Override
    public boolean record(int epoch, double value) {
        if (!Double.isNaN(value) && (Double.isNaN(best) || metric.isBetter(value, best))) {
            best = value;
        }
        double median = epoch >= 1 && epoch <= medians.length ? medians[epoch - 1] : Double.NaN;
        triggered = !Double.isNaN(median) && !Double.isNaN(best) && metric.isBetter(median, best);
        return inner.record(epoch, value);
    }

    @Override
    public boolean shouldStop() {
        return triggered || inner.shouldStop();
    }

    /** @return true when the median rule (not the inner stopper) says stop after the last epoch recorded */
    public boolean triggered() {
        return triggered;
    }

    /**
     * Computes m_s for s = 1 .. the longest curve, on the driver.
     *
     * @param curves the validation metric after each epoch of each completed trial
     * @param graceEpochs epochs at the start where the rule never stops a trial (m_s = NaN for s &lt;= grace)
     * @param minTrials the fewest curves that must reach epoch s for m_s to be defined, >= 1
     * @return the medians, NaN where undefined; empty when there are no curves
     */
    public static double[] medians(List<double[]> curves, int graceEpochs, int minTrials) {
        if (graceEpochs < 0 || minTrials < 1) {
            throw new IllegalArgumentException("median rule: grace epochs (" + graceEpochs
                    + ") must be >= 0 and min trials (" + minTrials + ") >= 1");
        }
        int longest = curves.stream().mapToInt(c -> c.length).max().orElse(0);
        double[] medians = new double[longest];
        for (int s = 1; s <= longest; s++) {
            List<Double> averages = new ArrayList<>();
            for (double[] curve : curves) {
                if (curve.length >= s) {
                    averages.add(Arrays.stream(curve, 0, s).sum() / s);
                }
            }
            medians[s - 1] = s <= graceEpochs || averages.size() < minTrials ? Double.NaN : median(averages);
        }
        return medians;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
