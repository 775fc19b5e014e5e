package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.SettlingStrategy;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialSeeds;

/**
 * The driver's loop: ask the strategy for a round of up to {@code parallelism} configurations, turn them into
 * trials (id in ask order, seed from (job seed, id)), evaluate the round, record each result as it arrives,
 * and tell the strategy the round's results; until the strategy is finished or the trial budget is spent.
 *
 * <p>A trial that resumes another's checkpoint ({@code TrialPlan.resumes()}) gets that trial's seed instead,
 * since the seed shapes every epoch's shuffle; so a rung evaluation's seed is that of its configuration's
 * rung-0 trial. A {@link SettlingStrategy}'s results are recorded when it settles them (with their final
 * state, once the rung has decided), not as they arrive; whatever it still holds when the budget ends the
 * run is recorded as told.
 */
public final class OptimizationLoop {
    private final Strategy strategy;
    private final TrialEvaluator evaluator;
    private final Consumer<TrialResult> recorder;
    private final int parallelism;
    private final int budget;
    private final long jobSeed;
    private final Map<Integer, Long> seeds = new HashMap<>();
    private int nextId;

    /**
     * @param strategy what to try
     * @param evaluator how a round is evaluated
     * @param recorder receives every result as soon as it is known (journal, progress); must not throw for
     *     a trial's failure
     * @param parallelism the most trials per round, >= 1
     * @param budget the most trials in all, >= 1
     * @param jobSeed the job seed
     */
    public OptimizationLoop(Strategy strategy, TrialEvaluator evaluator, Consumer<TrialResult> recorder,
                            int parallelism, int budget, long jobSeed) {
        if (parallelism < 1 || budget < 1) {
            throw new IllegalArgumentException("loop: parallelism (" + parallelism + ") and budget (" + budget
                    + ") must be >= 1");
        }
        this.strategy = strategy;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.parallelism = parallelism;
        this.budget = budget;
        this.jobSeed = jobSeed;
    }

    /** @return every result, in the order they were recorded */
    public List<TrialResult> run() {
        List<TrialResult> all = new ArrayList<>();
        SettlingStrategy settling = strategy instanceof SettlingStrategy s ? s : null;
        int round = 0;
        while (!strategy.isFinished() && nextId < budget) {
            List<Proposal> proposals = strategy.ask(Math.min(parallelism, budget - nextId));
            if (proposals.isEmpty()) {
                break;
            }
            List<Trial> trials = trials(round, proposals);
            List<TrialResult> results = new ArrayList<>();
            evaluator.evaluate(round, trials, result -> {
                if (settling == null) {
                    recorder.accept(result);
                }
                results.add(result);
            });
            strategy.tell(results);
            all.addAll(settling == null ? results : record(settling.settled()));
            round++;
        }
        if (settling != null) {
            all.addAll(record(settling.unsettled()));
        }
        return all;
    }

    private List<TrialResult> record(List<TrialResult> settled) {
        settled.forEach(recorder);
        return settled;
    }

    private List<Trial> trials(int round, List<Proposal> proposals) {
        List<Trial> trials = new ArrayList<>();
        for (Proposal proposal : proposals) {
            int id = nextId++;
            int resumes = proposal.plan().resumes();
            long seed = resumes >= 0 ? seeds.get(resumes) : TrialSeeds.of(jobSeed, id);
            seeds.put(id, seed);
            trials.add(new Trial(id, round, proposal.configuration(), seed, proposal.phase(), proposal.plan()));
        }
        return trials;
    }
}
