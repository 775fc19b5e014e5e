package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialSeeds;

/**
 * The driver's loop: ask the strategy for a round of up to {@code parallelism} configurations, turn them into
 * trials (id in ask order, seed from (job seed, id)), evaluate the round, record each result as it arrives,
 * and tell the strategy the round's results; until the strategy is finished or the trial budget is spent.
 */
public final class OptimizationLoop {
    private final Strategy strategy;
    private final TrialEvaluator evaluator;
    private final Consumer<TrialResult> recorder;
    private final int parallelism;
    private final int budget;
    private final long jobSeed;

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
        int round = 0;
        while (!strategy.isFinished() && all.size() < budget) {
            List<Proposal> proposals = strategy.ask(Math.min(parallelism, budget - all.size()));
            if (proposals.isEmpty()) {
                break;
            }
            List<Trial> trials = trials(round, all.size(), proposals);
            List<TrialResult> results = new ArrayList<>();
            evaluator.evaluate(round, trials, result -> {
                recorder.accept(result);
                results.add(result);
            });
            all.addAll(results);
            strategy.tell(results);
            round++;
        }
        return all;
    }

    private List<Trial> trials(int round, int firstId, List<Proposal> proposals) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            int id = firstId + i;
            Proposal proposal = proposals.get(i);
            trials.add(new Trial(id, round, proposal.configuration(), TrialSeeds.of(jobSeed, id), proposal.phase()));
        }
        return trials;
    }
}
