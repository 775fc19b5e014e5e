package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.InitialDesign;
import org.sparkhpo.strategy.dfo.MinimizedObjective;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialSeeds;

/**
 * Bayesian optimization in rounds (Snoek, Larochelle and Adams, "Practical Bayesian optimization of machine
 * learning algorithms", NeurIPS 2012): a seeded Halton design of max(d + 1, round size) points (or
 * {@code initial-points}), then every round fits a Gaussian process ({@link GaussianProcess}, Matérn 5/2,
 * hyperparameters by {@link MarginalLikelihoodFit}) to the completed trials' standardized objective and proposes
 * the round by the {@link KrigingBeliever} on {@link LogExpectedImprovement}, maximized by the
 * {@link AcquisitionOptimizer} in the {@link OneHotCube}.
 *
 * <p>Phases in the journal: {@code design} and {@code model}. The strategy never finishes by itself (the trial
 * budget ends the run) unless a finite space has no point left that is far enough from every evaluated one.
 *
 * <p>Lifecycle: driver-only, one per run, single-threaded. Round r draws from a stream seeded by (job seed, r)
 * and results are taken in trial-id order, so the same seed and the same results give the same proposals
 * ({@code --resume} replays them).
 */
public final class BayesStrategy implements Strategy {
    private static final long STREAM = 0x4241_5945_5347_5031L;

    private final OneHotCube cube;
    private final MinimizedObjective objective;
    private final int designSize;
    private final long seed;
    private final KrigingBeliever batch;
    private final List<double[]> points = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<double[]> failed = new ArrayList<>();
    private int designHandedOut;
    private int rounds;
    private boolean exhausted;

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
        if (roundSize < 1) {
            throw new IllegalArgumentException("round size: " + roundSize + " must be >= 1");
        }
        this.cube = new OneHotCube(space);
        this.objective = objective;
        this.designSize = options.initialPoints() > 0 ? options.initialPoints()
                : Math.max(space.dimension() + 1, roundSize);
        this.seed = jobSeed ^ STREAM;
        this.batch = new KrigingBeliever(cube, options);
    }

    @Override
    public List<Proposal> ask(int maxProposals) {
        if (exhausted) {
            return List.of();
        }
        if (designHandedOut < designSize || points.isEmpty()) {
            return design(maxProposals);
        }
        SplittableRandom random = new SplittableRandom(TrialSeeds.of(seed, rounds + 1));
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        List<double[]> chosen = batch.propose(points, y, failed, maxProposals, random);
        if (chosen.isEmpty()) {
            exhausted = true;
            return List.of();
        }
        List<Proposal> proposals = new ArrayList<>();
        for (double[] x : chosen) {
            proposals.add(new Proposal(cube.decode(x), "model"));
        }
        return proposals;
    }

    @Override
    public void tell(List<TrialResult> results) {
        List<TrialResult> byId = new ArrayList<>(results);
        byId.sort(Comparator.comparingInt(TrialResult::id));
        for (TrialResult result : byId) {
            double[] x = cube.encode(result.configuration());
            double value = objective.of(result);
            if (Double.isFinite(value)) {
                points.add(x);
                values.add(value);
            } else {
                failed.add(x);
            }
        }
        rounds++;
    }

    @Override
    public boolean isFinished() {
        return exhausted;
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("bayes_design_points", Math.min(designHandedOut, designSize));
        GaussianProcess fit = batch.lastFit();
        if (fit != null) {
            report.put("bayes_noise", fit.noise());
            report.put("bayes_signal_variance", fit.kernel().signalVariance());
        }
        return report;
    }

    /** Design points (Halton, continuing past the design while no trial has completed). */
    private List<Proposal> design(int maxProposals) {
        int count = designHandedOut < designSize ? Math.min(maxProposals, designSize - designHandedOut)
                : maxProposals;
        double[][] halton = InitialDesign.points(DesignKind.HALTON, designHandedOut + count,
                cube.space().dimension(), new SplittableRandom(TrialSeeds.of(seed, 0)));
        List<Proposal> proposals = new ArrayList<>();
        for (int i = designHandedOut; i < designHandedOut + count; i++) {
            Configuration configuration = cube.space().fromUnit(halton[i]);
            proposals.add(new Proposal(configuration, "design"));
        }
        designHandedOut += count;
        return proposals;
    }
}
