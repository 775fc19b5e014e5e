package org.sparkhpo.train;

/**
 * Patience-based early stopping: an epoch counts as an improvement when its metric beats the best so far
 * by more than {@code minDelta} (in the metric's direction); training stops after {@code patience} epochs
 * in a row without one. patience = 0 never stops early.
 *
 * <p>Ties: an epoch whose metric exactly equals the best so far becomes the checkpoint (the later, longer
 * trained model) and is not charged against patience. Accuracy on a validation part of v rows moves in steps of
 * 1/v, so on small data it sits on plateaus while the model still improves (its margins and log-loss); taking
 * the first epoch of a plateau and stopping a few epochs into it would keep an under-trained model and make the
 * final retraining run just as short. A continuous metric (log-loss, RMSE) practically never ties, so this
 * changes nothing there.
 */
public final class PatienceStopper implements EarlyStopper {
    private final Metric metric;
    private final int patience;
    private final double minDelta;
    private double best = Double.NaN;
    private int epochsWithoutImprovement;

    /**
     * @param metric the metric and its direction
     * @param patience epochs without improvement before stopping, >= 0 (0 disables)
     * @param minDelta the smallest change that counts as an improvement, >= 0
     */
    public PatienceStopper(Metric metric, int patience, double minDelta) {
        if (patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("patience stopper: patience (" + patience + ") and min-delta ("
                    + minDelta + ") must be >= 0");
        }
        this.metric = metric;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    @Override
    public boolean record(int epoch, double value) {
        boolean first = Double.isNaN(best);
        double target = metric.higherIsBetter() ? best + minDelta : best - minDelta;
        if (!Double.isNaN(value) && (first || metric.isBetter(value, target))) {
            best = value;
            epochsWithoutImprovement = 0;
            return true;
        }
        if (value == best) {
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    @Override
    public boolean shouldStop() {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    /** @return the best metric so far (NaN before the first), part of a resumable training state */
    public double best() {
        return best;
    }

    /** @return epochs since the last improvement, part of a resumable training state */
    public int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }

    /**
     * Puts the stopper back where a checkpointed run left it.
     *
     * @param bestSoFar the best metric so far (NaN when none)
     * @param epochsSinceImprovement epochs since the last improvement, >= 0
     */
    public void restore(double bestSoFar, int epochsSinceImprovement) {
        if (epochsSinceImprovement < 0) {
            throw new IllegalArgumentException("patience stopper: epochs without improvement ("
                    + epochsSinceImprovement + ") must be >= 0");
        }
        this.best = bestSoFar;
        this.epochsWithoutImprovement = epochsSinceImprovement;
    }
}
