package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.SettlingStrategy;
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
 * and tell the strategy the round's results; until the strategy is finished or the trial budget is spent.
 *
 * <p>A trial that resumes another's checkpoint ({@code TrialPlan.resumes()}) gets that trial's seed instead,
 * so a rung evaluation's seed is that of its configuration's rung-0 trial and its checkpoint's seed matches
 * (the data order is the job's, {@code train.BlockOrder.seedOf(job seed)}, the same for every trial). A {@link SettlingStrategy}'s results are recorded when it settles them (with their final
 * state, once the rung has decided), not as they arrive; whatever it still holds when the budget ends the
 * run is recorded as told. The loop also stops when the
 * wall-time budget has passed (checked between rounds; a started round finishes, so every asked proposal is
 * told) or a COMPLETE trial has reached the target value (the rest of its round is still recorded).
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
        SettlingStrategy settling = strategy instanceof SettlingStrategy s ? s : null;
        long start = System.nanoTime();
        int round = 0;
        while (!stopped(all, start)) {
            List<Proposal> proposals = strategy.ask(Math.min(parallelism, budget - nextId));
            if (proposals.isEmpty()) {
                stopReason = "strategy";
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

    /** @return why the last {@link #run()} stopped: strategy, trials, max-seconds, target (or empty before) */
    public String stopReason() {
        return stopReason;
    }

    private boolean stopped(List<TrialResult> all, long startNanos) {
        if (strategy.isFinished()) {
            stopReason = "strategy";
        } else if (nextId >= budget) {
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
