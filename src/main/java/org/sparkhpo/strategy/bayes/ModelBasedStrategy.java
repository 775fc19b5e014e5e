package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.InitialDesign;
import org.sparkhpo.trial.TrialResult;

/**
 * What the model-based strategies ({@code bayes}, {@code tpe}) share: a seeded Halton design (Halton 1960,
 * Cranley–Patterson shifted, see {@link DesignKind#HALTON}) of max(d + 1, round size) points, or
 * {@code initial-points}, with d the number of parameters; then rounds proposed by the model from the completed
 * trials (minimized values, or under a Pareto objective ParEGO's scalarization, {@link #searchingParetoFront})
 * and the configurations of FAILED ones. The design continues while no trial has completed. Phases in the
 * journal: {@code design} and {@code model}.
 *
 * <p>Lifecycle: driver-only, one per run, single-threaded. Model round r draws from a stream seeded by (job
 * seed, r) and results are taken in trial-id order, so the same seed and the same results give the same
 * proposals ({@code --resume} replays them). The strategy never finishes by itself (the trial budget ends the
 * run) unless the model finds no admissible point left (a finite space fully evaluated).
 */
public abstract class ModelBasedStrategy implements Strategy {
    private final SearchSpace space;
    private ModelTarget target;
    private final int designSize;
    private final long seed;
    private final List<TrialResult> completed = new ArrayList<>();
    private final List<Configuration> failed = new ArrayList<>();
    private int designHandedOut;
    private int rounds;
    private boolean exhausted;

    /**
     * @param space the search space
     * @param objective the metric and its direction
     * @param initialPoints the design size, 0 for max(d + 1, round size)
     * @param roundSize the trials per round, >= 1
     * @param seed the job seed mixed with the strategy's stream number
     */
    protected ModelBasedStrategy(SearchSpace space, MinimizedObjective objective, int initialPoints, int roundSize,
                                 long seed) {
        if (roundSize < 1) {
            throw new IllegalArgumentException("round size: " + roundSize + " must be >= 1");
        }
        this.space = space;
        this.target = ModelTarget.of(objective);
        this.designSize = initialPoints > 0 ? initialPoints : Math.max(space.dimension() + 1, roundSize);
        this.seed = seed;
    }

    /**
     * Proposes a model round.
     *
     * @param completed the completed trials' configurations, in trial-id order, at least one
     * @param values their minimized values, finite, index for index
     * @param failed the FAILED trials' configurations
     * @param q the most proposals
     * @param random the round's seeded stream
     * @return at most q configurations; empty when no admissible point is left
     */
    protected abstract List<Configuration> propose(List<Configuration> completed, double[] values,
                                                   List<Configuration> failed, int q, SplittableRandom random);

    /**
     * Proposes from the given results alone, without the design and without changing the strategy's own
     * history: BOHB's use, where the results are one rung's.
     *
     * @param results the results to fit on (FAILED ones and those without a finite objective are avoided)
     * @param q the most proposals
     * @param random the seeded stream
     * @return at most q configurations; empty when no result has a finite objective
     */
    public final List<Configuration> proposeFrom(List<TrialResult> results, int q, SplittableRandom random) {
        List<TrialResult> byId = new ArrayList<>(results);
        byId.sort(Comparator.comparingInt(TrialResult::id));
        List<TrialResult> good = new ArrayList<>();
        List<Configuration> bad = new ArrayList<>();
        for (TrialResult result : byId) {
            if (target.isUsable(result)) {
                good.add(result);
            } else {
                bad.add(result.configuration());
            }
        }
        if (good.isEmpty() || q < 1) {
            return List.of();
        }
        return propose(configurations(good), target.values(good, random), bad, q, random);
    }

    /**
     * Makes the model search a Pareto front: each model round regresses on ParEGO's scalarization of the axes
     * with weights drawn for that round ({@link ParEgoScalarization}) instead of on the metric alone. Call
     * before the first result is told.
     *
     * @param axes the metric then each cost, at least two
     * @return this strategy
     */
    public final ModelBasedStrategy searchingParetoFront(List<Criterion> axes) {
        if (!completed.isEmpty() || !failed.isEmpty()) {
            throw new IllegalStateException("the model's target is set before any result is told");
        }
        this.target = new ParEgoScalarization(axes);
        return this;
    }

    /** @return the design size */
    public final int designSize() {
        return designSize;
    }

    @Override
    public final List<Proposal> ask(int maxProposals) {
        if (exhausted) {
            return List.of();
        }
        if (designHandedOut < designSize || completed.isEmpty()) {
            return design(maxProposals);
        }
        SplittableRandom random = new SplittableRandom(TrialSeeds.of(seed, rounds + 1));
        double[] y = target.values(List.copyOf(completed), random);
        List<Configuration> chosen = propose(configurations(completed), y, List.copyOf(failed), maxProposals,
                random);
        if (chosen.isEmpty()) {
            exhausted = true;
            return List.of();
        }
        return chosen.stream().map(c -> new Proposal(c, "model")).toList();
    }

    @Override
    public final void tell(List<TrialResult> results) {
        List<TrialResult> byId = new ArrayList<>(results);
        byId.sort(Comparator.comparingInt(TrialResult::id));
        for (TrialResult result : byId) {
            if (target.isUsable(result)) {
                completed.add(result);
            } else {
                failed.add(result.configuration());
            }
        }
        rounds++;
    }

    @Override
    public final boolean isFinished() {
        return exhausted;
    }

    private static List<Configuration> configurations(List<TrialResult> results) {
        return results.stream().map(TrialResult::configuration).toList();
    }

    private List<Proposal> design(int maxProposals) {
        int count = designHandedOut < designSize ? Math.min(maxProposals, designSize - designHandedOut)
                : maxProposals;
        double[][] halton = InitialDesign.points(DesignKind.HALTON, designHandedOut + count, space.dimension(),
                new SplittableRandom(TrialSeeds.of(seed, 0)));
        List<Proposal> proposals = new ArrayList<>();
        for (int i = designHandedOut; i < designHandedOut + count; i++) {
            proposals.add(new Proposal(space.fromUnit(halton[i]), "design"));
        }
        designHandedOut += count;
        return proposals;
    }
}
