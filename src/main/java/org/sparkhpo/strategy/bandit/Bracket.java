package org.sparkhpo.strategy.bandit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.trial.TrialPlan;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * One successive-halving bracket run as a state machine: rung i proposes its configurations (over as many
 * rounds as the round size needs) with budget r_i; once every result of the rung is in, the best
 * n_(i+1) (by its {@link RungRanking}; failed trials never) are promoted to rung i + 1,
 * each resuming the checkpoint of its rung-i trial, and the others are settled as PRUNED. Promoted
 * rung-i trials, and every trial of the last rung, settle as they ended (COMPLETE, or FAILED).
 *
 * <p>Results are matched to the rung's configurations by equality; two equal configurations in one rung
 * (possible with a small categorical random space) are interchangeable, and each one's lineage follows the
 * trial ids it was matched with, so every resume stays consistent.
 */
final class Bracket {
    private final BracketPlan plan;
    private final String phasePrefix;
    private final RungRanking ranking;
    private final List<Arm> waiting = new ArrayList<>();
    private final List<Arm> asked = new ArrayList<>();
    private final List<Arm> answered = new ArrayList<>();
    private final List<TrialResult> settled = new ArrayList<>();
    private int rung;
    private boolean finished;

    /** A configuration in the bracket and the id of its latest trial (-1 before rung 0). */
    private static final class Arm {
        private final Configuration configuration;
        private int lastTrial = -1;
        private TrialResult result;

        Arm(Configuration configuration) {
            this.configuration = configuration;
        }
    }

    /**
     * @param plan the bracket's rung sizes and budgets
     * @param configurations n_0 configurations for rung 0 (with {@code epochs} already fixed to max-epochs)
     * @param phasePrefix the journal phase before {@code rung-<i>}, for example {@code "bracket-2/"}
     * @param ranking how a finished rung is ordered for promotion
     */
    Bracket(BracketPlan plan, List<Configuration> configurations, String phasePrefix, RungRanking ranking) {
        this.plan = plan;
        this.phasePrefix = phasePrefix;
        this.ranking = ranking;
        configurations.forEach(c -> waiting.add(new Arm(c)));
    }

    /** @return the epoch budget of the rung now running */
    int budget() {
        return plan.budgets()[Math.min(rung, plan.budgets().length - 1)];
    }

    List<Proposal> ask(int maxProposals) {
        List<Proposal> proposals = new ArrayList<>();
        Iterator<Arm> arms = waiting.iterator();
        while (proposals.size() < maxProposals && arms.hasNext()) {
            Arm arm = arms.next();
            arms.remove();
            asked.add(arm);
            proposals.add(new Proposal(arm.configuration, phasePrefix + "rung-" + rung,
                    TrialPlan.rung(rung, plan.budgets()[rung], arm.lastTrial)));
        }
        return proposals;
    }

    void tell(List<TrialResult> results) {
        for (TrialResult result : results) {
            Arm arm = asked.stream().filter(a -> a.configuration.equals(result.configuration())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("bracket " + plan.bracket() + ": trial "
                            + result.id() + " answers no configuration asked in rung " + rung));
            asked.remove(arm);
            arm.result = result;
            answered.add(arm);
        }
        if (waiting.isEmpty() && asked.isEmpty()) {
            closeRung();
        }
    }

    /** Promotes the best of the finished rung and settles the rest; ends the bracket after the last rung. */
    private void closeRung() {
        List<TrialResult> order = ranking.order(answered.stream().map(a -> a.result).toList());
        answered.sort(Comparator.comparingInt(a -> order.indexOf(a.result)));
        int promote = rung == plan.bracket() ? 0 : plan.sizes()[rung + 1];
        for (Arm arm : answered) {
            boolean promoted = promote > 0 && ranking.isRankable(arm.result);
            if (promoted) {
                promote--;
                arm.lastTrial = arm.result.id();
                waiting.add(arm);
                settled.add(arm.result);
            } else {
                settled.add(arm.result.state() == TrialState.COMPLETE && rung < plan.bracket()
                        ? arm.result.withState(TrialState.PRUNED) : arm.result);
            }
        }
        answered.clear();
        rung++;
        finished = waiting.isEmpty();
    }

    /** @return results whose final state became known since the last call */
    List<TrialResult> drainSettled() {
        List<TrialResult> out = List.copyOf(settled);
        settled.clear();
        return out;
    }

    /** @return results of the current rung that are in but not settled (the rung is not complete) */
    List<TrialResult> drainUnsettled() {
        List<TrialResult> out = new ArrayList<>(drainSettled());
        answered.forEach(arm -> out.add(arm.result));
        answered.clear();
        return out;
    }

    boolean isFinished() {
        return finished;
    }

    /** @return the rung the bracket is at (plan.bracket() + 1 once finished) */
    int rung() {
        return rung;
    }
}
