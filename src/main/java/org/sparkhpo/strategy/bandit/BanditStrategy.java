package org.sparkhpo.strategy.bandit;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.SettlingStrategy;
import org.sparkhpo.trial.TrialResult;

/**
 * Runs successive-halving brackets one after another (Li et al.'s Algorithm 1 runs Hyperband's brackets in
 * sequence too; brackets are not interleaved to fill rounds, so a rung smaller than the task slots would leave
 * slots idle for that round: the evaluator lends their cores to the rung's packs instead). By default a round
 * is a whole rung ({@code RoundSize.WHOLE_RUNG}), so its trials train in packs. Each bracket draws its rung-0
 * configurations from the sampler when it starts, and fixes their {@code epochs} to max-epochs: the schedule's
 * budget T is then the same in every rung, so a resumed trial continues on the curve an uninterrupted max-epochs
 * run would follow, and the final model (trained from scratch for the best trial's best-epoch count) reproduces it.
 *
 * <p>Lifecycle: driver-only, one per run; a {@link SettlingStrategy}, so the loop journals each trial
 * once its rung has decided whether it was promoted.
 */
public abstract class BanditStrategy implements SettlingStrategy {
    private final List<BracketPlan> plans;
    private final ConfigurationSampler sampler;
    private final RungRanking ranking;
    private final int maxEpochs;
    private final List<TrialResult> settled = new ArrayList<>();
    private int next;
    private Bracket current;

    /**
     * @param plans the brackets, in the order they run
     * @param sampler where rung-0 configurations come from
     * @param ranking how a finished rung is ordered for promotion
     * @param maxEpochs the largest budget (every configuration's {@code epochs})
     */
    protected BanditStrategy(List<BracketPlan> plans, ConfigurationSampler sampler, RungRanking ranking,
                             int maxEpochs) {
        this.plans = List.copyOf(plans);
        this.sampler = sampler;
        this.ranking = ranking;
        this.maxEpochs = maxEpochs;
    }

    /**
     * @param plan the bracket about to start
     * @return the phase prefix of its trials in the journal, for example {@code "bracket-2/"}
     */
    protected abstract String phasePrefix(BracketPlan plan);

    @Override
    public List<Proposal> ask(int maxProposals) {
        if (current == null || current.isFinished()) {
            startNextBracket();
        }
        return current == null ? List.of() : current.ask(maxProposals);
    }

    @Override
    public void tell(List<TrialResult> results) {
        if (current == null) {
            throw new IllegalStateException("bandit strategy: told results before any ask");
        }
        int budget = current.budget();
        current.tell(results);
        sampler.observe(results, budget);
        settled.addAll(current.drainSettled());
    }

    @Override
    public boolean isFinished() {
        return next >= plans.size() && (current == null || current.isFinished());
    }

    @Override
    public List<TrialResult> settled() {
        List<TrialResult> out = List.copyOf(settled);
        settled.clear();
        return out;
    }

    @Override
    public List<TrialResult> unsettled() {
        List<TrialResult> out = new ArrayList<>(settled());
        if (current != null) {
            out.addAll(current.drainUnsettled());
        }
        return out;
    }

    /** @return every bracket of the run, in order */
    public List<BracketPlan> plans() {
        return plans;
    }

    /** @return how many trials the strategy runs when no rung loses a trial to failure */
    public int plannedTrials() {
        return plans.stream().mapToInt(BracketPlan::evaluations).sum();
    }

    private void startNextBracket() {
        current = null;
        if (next >= plans.size()) {
            return;
        }
        BracketPlan plan = plans.get(next++);
        List<Configuration> configurations = new ArrayList<>();
        for (Configuration configuration : sampler.next(plan.configurations())) {
            configurations.add(configuration.with(Tunable.EPOCHS.key(), maxEpochs));
        }
        current = new Bracket(plan, configurations, phasePrefix(plan), ranking);
    }
}
