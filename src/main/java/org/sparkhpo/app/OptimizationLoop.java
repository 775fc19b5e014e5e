package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialSeeds;
import org.sparkhpo.trial.TrialState;

/**
 * The driver's loop: ask the strategy for a round of up to {@code parallelism} configurations, turn them into
 * trials (id in ask order, seed from (job seed, id)), evaluate the round, record each result as it arrives,
 * and tell the strategy the round's results; until the first of: the strategy is finished, the trial budget is
 * spent, the wall-time budget has passed (checked between rounds; a started round finishes, so every asked
 * proposal is told), or a COMPLETE trial has reached the target value (the rest of its round is still recorded).
 */
public final class OptimizationLoop {
    private final Strategy strategy;
    private final TrialEvaluator evaluator;
    private final Consumer<TrialResult> recorder;
    private final int parallelism;
    private final int budget;
    private final long jobSeed;
    private final double maxSeconds;
    private final OptionalDouble target;
    private final Metric metric;
    private String stopReason = "";

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
        this(strategy, evaluator, recorder, parallelism, budget, jobSeed, 0.0, OptionalDouble.empty(), null);
    }

    /**
     * A loop with a wall-time budget and an optional target as well.
     *
     * @param strategy what to try
     * @param evaluator how a round is evaluated
     * @param recorder receives every result as soon as it is known
     * @param parallelism the most trials per round, >= 1
     * @param budget the most trials in all, >= 1
     * @param jobSeed the job seed
     * @param maxSeconds the wall-time budget in seconds, 0 for none
     * @param target stop once a COMPLETE trial's objective is at least as good as this; empty for none
     * @param metric the objective metric (its key and direction decide whether the target is reached)
     */
    public OptimizationLoop(Strategy strategy, TrialEvaluator evaluator, Consumer<TrialResult> recorder,
                            int parallelism, int budget, long jobSeed, double maxSeconds, OptionalDouble target,
                            Metric metric) {
        if (parallelism < 1 || budget < 1 || !(maxSeconds >= 0) || (target.isPresent() && metric == null)) {
            throw new IllegalArgumentException("loop: parallelism (" + parallelism + ") and budget (" + budget
                    + ") must be >= 1, max seconds (" + maxSeconds + ") >= 0, and a target needs a metric");
        }
        this.strategy = strategy;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.parallelism = parallelism;
        this.budget = budget;
        this.jobSeed = jobSeed;
        this.maxSeconds = maxSeconds;
        this.target = target;
        this.metric = metric;
    }

    /** @return every result, in the order they were recorded */
    public List<TrialResult> run() {
        List<TrialResult> all = new ArrayList<>();
        long start = System.nanoTime();
        int round = 0;
        while (!stopped(all, start)) {
            List<Proposal> proposals = strategy.ask(Math.min(parallelism, budget - all.size()));
            if (proposals.isEmpty()) {
                stopReason = "strategy";
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

    /** @return why the last {@link #run()} stopped: strategy, trials, max-seconds, target (or empty before) */
    public String stopReason() {
        return stopReason;
    }

    private boolean stopped(List<TrialResult> all, long startNanos) {
        if (strategy.isFinished()) {
            stopReason = "strategy";
        } else if (all.size() >= budget) {
            stopReason = "trials";
        } else if (maxSeconds > 0 && (System.nanoTime() - startNanos) / 1e9 >= maxSeconds) {
            stopReason = "max-seconds";
        } else if (target.isPresent() && all.stream().anyMatch(this::reachesTarget)) {
            stopReason = "target";
        } else {
            return false;
        }
        return true;
    }

    private boolean reachesTarget(TrialResult result) {
        double value = result.metric(TrialRunner.objectiveKey(metric));
        return result.state() == TrialState.COMPLETE && Double.isFinite(value)
                && !metric.isBetter(target.getAsDouble(), value);
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
