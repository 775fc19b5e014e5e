package org.sparkhpo.strategy.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.baseline.MomentumFormulas.StepAndMomentum;
import org.sparkhpo.trial.TrialResult;

/**
 * Step size and momentum from theory: from the estimated smoothness L and strong convexity mu of the training
 * objective ({@link SmoothnessEstimator}), one configuration with Polyak's heavy-ball values and one with
 * Nesterov's ({@link MomentumFormulas}); every other hyperparameter keeps its {@code hpo.training} value (the
 * L2 penalty the estimate used among them). Phases {@code heavy-ball} and {@code nesterov}. It learns nothing
 * from results; {@link #report()} carries L, mu and kappa to {@code best.json}.
 *
 * <p>The formulas are for full gradients; mini-batch noise makes the heavy-ball step (up to 4 / L) aggressive,
 * which is part of what this baseline shows.
 */
public final class TheoryStrategy implements Strategy {
    /** The phases, one configuration each. */
    public enum Phase {
        HEAVY_BALL, NESTEROV;

        /** @return the journal name, {@code heavy-ball} or {@code nesterov} */
        public String journalName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final SmoothnessEstimate estimate;
    private final List<Proposal> proposals;
    private int proposed;

    /**
     * @param estimate the smoothness and strong convexity estimates
     * @param budget the most trials (the strategy proposes min(2, budget))
     */
    public TheoryStrategy(SmoothnessEstimate estimate, int budget) {
        this.estimate = estimate;
        List<Proposal> all = new ArrayList<>();
        all.add(new Proposal(heavyBallConfiguration(estimate), Phase.HEAVY_BALL.journalName()));
        StepAndMomentum nesterov = MomentumFormulas.nesterov(estimate.smoothness(), estimate.strongConvexity());
        all.add(new Proposal(configuration(nesterov, true), Phase.NESTEROV.journalName()));
        this.proposals = List.copyOf(all.subList(0, Math.min(all.size(), Math.max(1, budget))));
    }

    /** @return the heavy-ball configuration for the estimate (also a start point for derivative-free search) */
    public static Configuration heavyBallConfiguration(SmoothnessEstimate estimate) {
        return configuration(MomentumFormulas.heavyBall(estimate.smoothness(), estimate.strongConvexity()), false);
    }

    private static Configuration configuration(StepAndMomentum values, boolean nesterov) {
        return Configuration.empty().with("learning-rate", values.alpha()).with("momentum", values.beta())
                .with("nesterov", nesterov);
    }

    @Override
    public List<Proposal> ask(int maxProposals) {
        List<Proposal> round = new ArrayList<>();
        while (round.size() < maxProposals && proposed < proposals.size()) {
            round.add(proposals.get(proposed++));
        }
        return round;
    }

    @Override
    public void tell(List<TrialResult> results) {
        // Nothing to learn: both configurations follow from the estimate alone.
    }

    @Override
    public boolean isFinished() {
        return proposed >= proposals.size();
    }

    /** @return the estimate the configurations came from */
    public SmoothnessEstimate estimate() {
        return estimate;
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("theory_L", estimate.smoothness());
        report.put("theory_mu", estimate.strongConvexity());
        report.put("theory_kappa", estimate.kappa());
        report.put("theory_curvature", estimate.curvature());
        report.put("theory_lambda_max", estimate.lambdaMax());
        if (!Double.isNaN(estimate.lambdaMin())) {
            report.put("theory_lambda_min", estimate.lambdaMin());
        }
        report.put("theory_l2", estimate.l2());
        return report;
    }
}
