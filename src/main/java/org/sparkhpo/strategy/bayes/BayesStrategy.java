package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;

/**
 * Bayesian optimization in rounds (Snoek, Larochelle and Adams, "Practical Bayesian optimization of machine
 * learning algorithms", NeurIPS 2012): after the design of {@link ModelBasedStrategy}, every round fits a
 * Gaussian process ({@link GaussianProcess}, Matérn 5/2, hyperparameters by {@link MarginalLikelihoodFit}, by
 * default a posteriori under the dimension-scaled {@link LengthScalePrior}) to
 * the completed trials' standardized objective (by default warped by {@link YeoJohnsonWarping}, see
 * {@link OutputWarping}) and proposes the round by the {@link KrigingBeliever} on
 * {@link LogExpectedImprovement}, maximized by the {@link AcquisitionOptimizer} in the {@link OneHotCube}.
 */
public final class BayesStrategy extends ModelBasedStrategy {
    private static final long STREAM = 0x4241_5945_5347_5031L;

    private final OneHotCube cube;
    private final KrigingBeliever batch;

    /**
     * @param space the search space ({@link OneHotCube} says which spaces the model accepts)
     * @param objective the metric and its direction
     * @param options the options
     * @param roundSize the trials per round, >= 1
     * @param jobSeed the job seed
     * @throws IllegalArgumentException for a space the model cannot handle
     */
    public BayesStrategy(SearchSpace space, MinimizedObjective objective, BayesOptions options, int roundSize,
                         long jobSeed) {
        super(space, objective, options.initialPoints(), roundSize, jobSeed ^ STREAM);
        this.cube = new OneHotCube(space);
        this.batch = new KrigingBeliever(cube, options);
    }

    @Override
    protected List<Configuration> propose(List<Configuration> completed, double[] values,
                                          List<Configuration> failed, int q, SplittableRandom random) {
        List<double[]> points = completed.stream().map(cube::encode).toList();
        List<double[]> failedPoints = failed.stream().map(cube::encode).toList();
        List<Configuration> chosen = new ArrayList<>();
        for (double[] x : batch.propose(points, values, failedPoints, q, random)) {
            chosen.add(cube.decode(x));
        }
        return chosen;
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        GaussianProcess fit = batch.lastFit();
        if (fit != null) {
            report.put("bayes_noise", fit.noise());
            report.put("bayes_signal_variance", fit.kernel().signalVariance());
        }
        return report;
    }
}
