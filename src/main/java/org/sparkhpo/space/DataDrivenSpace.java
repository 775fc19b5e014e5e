package org.sparkhpo.space;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the search space that {@code hpo.search.space = auto} gives: a log range of the learning rate
 * (when {@code hpo.training.learning-rate = auto}) and a log range of the L2 penalty (when
 * {@code hpo.training.l2 = auto}), {@link #GRID_POINTS} grid points each, in that order. When both are fixed
 * by the user, the space holds the fixed learning rate alone, so a search runs the fixed values once. The
 * bounds come from the data ({@code app.DataDrivenDefaults}); the configuration loader builds the same shape
 * with {@link #PLACEHOLDER_LEARNING_RATE} and {@link #PLACEHOLDER_L2} so every rule on the space is checked at
 * start-up.
 */
public final class DataDrivenSpace {
    /** Grid points of each range: a 4 x 4 grid of 16 trials. */
    public static final int GRID_POINTS = 4;
    /** Learning-rate bounds checked at start-up, before the data gives the real ones. */
    public static final double[] PLACEHOLDER_LEARNING_RATE = {1e-3, 1.0};
    /** L2 bounds checked at start-up, before the data gives the real ones. */
    public static final double[] PLACEHOLDER_L2 = {1e-6, 1e-1};

    private DataDrivenSpace() {
    }

    /**
     * @param learningRate {low, high} of the learning rate, or null when it is fixed
     * @param l2 {low, high} of the L2 penalty, or null when it is fixed
     * @param fixedLearningRate the learning rate searched alone when both ranges are null
     * @return the space
     */
    public static SearchSpace of(double[] learningRate, double[] l2, double fixedLearningRate) {
        List<Parameter> parameters = new ArrayList<>(2);
        if (learningRate != null) {
            parameters.add(new ContinuousParameter(Tunable.LEARNING_RATE, learningRate[0], learningRate[1],
                    Scale.LOG, GRID_POINTS));
        }
        if (l2 != null) {
            parameters.add(new ContinuousParameter(Tunable.L2, l2[0], l2[1], Scale.LOG, GRID_POINTS));
        }
        if (parameters.isEmpty()) {
            parameters.add(new CategoricalParameter(Tunable.LEARNING_RATE, List.of(fixedLearningRate)));
        }
        return new SearchSpace(parameters);
    }
}
