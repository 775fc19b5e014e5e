package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * The driver's loop: ask the strategy for a round of up to {@code parallelism} configurations, turn them into
 * trials (id in ask order, seed from (job seed, id)), evaluate the round, record each result as it arrives,
 * and tell the strategy the round's results; until the strategy is finished or the trial budget is spent.
 *
 * <p>A trial that resumes another's checkpoint ({@code TrialPlan.resumes()}) gets that trial's seed instead,
 * so a rung evaluation's seed is that of its configuration's rung-0 trial and its checkpoint's seed matches
 * (the data order is the job's, {@code train.BlockOrder.seedOf(job seed)}, the same for every trial). A settling
 * strategy's results ({@link Strategy#settlesResults()}) are recorded when it settles them (with their final
 * state, once the rung has decided), not as they arrive, a rung's in one call; whatever it still
 * holds when the budget ends the run is recorded as told. The loop also stops when the wall-time budget has
 * passed (checked between rounds; a started round finishes, so every asked proposal is
 * told) or a COMPLETE trial has reached the target value (the rest of its round is still recorded).
 */
public final class OptimizationLoop {
    private final Strategy strategy;
    private final TrialEvaluator evaluator;
    private final Consumer<List<TrialResult>> recorder;
    private final int parallelism;
    private final int budget;
    private final long jobSeed;
    private final double maxSeconds;
    private final OptionalDouble target;
    private final Metric metric;
    private Runnable afterRound = () -> { };

    /**
     * @param strategy what to try
     * @param evaluator how a round is evaluated
     * @param recorder receives every result as soon as it is known (journal, progress), those known together in
     *     one non-empty list; must not throw for a trial's failure
     * @param parallelism the most trials per round, >= 1
     * @param budget the most trials in all, >= 1
     * @param jobSeed the job seed
     */
    public OptimizationLoop(Strategy strategy, TrialEvaluator evaluator, Consumer<List<TrialResult>> recorder,
                            int parallelism, int budget, long jobSeed) {
        this(strategy, evaluator, recorder, parallelism, budget, jobSeed, 0.0, OptionalDouble.empty(), null);
    }

    /**
     * A loop with a wall-time budget and an optional target as well.
     *
     * @param strategy what to try
     * @param evaluator how a round is evaluated
     * @param recorder receives every result as soon as it is known, those known together in one list
     * @param parallelism the most trials per round, >= 1
     * @param budget the most trials in all, >= 1
     * @param jobSeed the job seed
     * @param maxSeconds the wall-time budget in seconds, 0 for none
     * @param target stop once a COMPLETE trial's objective is at least as good as this; empty for none
     * @param metric the objective metric (its key and direction decide whether the target is reached)
     */
    public OptimizationLoop(Strategy strategy, TrialEvaluator evaluator, Consumer<List<TrialResult>> recorder,
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

    /**
     * What one search delivered.
     *
     * @param results every result, in the order they were recorded
     * @param stopReason why the loop stopped
     */
    public record Outcome(List<TrialResult> results, StopReason stopReason) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    /**
     * @param listener called on the driver after each round, once its results are told and recorded (the run
     *     report refreshes itself there)
     * @return this loop
     */
    public OptimizationLoop afterEachRound(Runnable listener) {
        this.afterRound = listener;
        return this;
    }

    /** @return every result, in the order they were recorded (the results of {@link #search()}) */
    public List<TrialResult> run() {
        return search().results();
    }

    /** @return every result, in the order they were recorded, and why the loop stopped */
    public Outcome search() {
        List<TrialResult> all = new ArrayList<>();
        boolean settling = strategy.settlesResults();
        TrialNumbering numbering = new TrialNumbering(jobSeed);
        long start = System.nanoTime();
        int round = 0;
        StopReason reason = stopReason(all, start, numbering.next());
        while (reason == null) {
            List<Proposal> proposals = strategy.ask(Math.min(parallelism, budget - numbering.next()));
            if (proposals.isEmpty()) {
                reason = StopReason.STRATEGY;
                break;
            }
            List<Trial> trials = numbering.trials(round, proposals);
            List<TrialResult> results = new ArrayList<>();
            evaluator.evaluate(round, trials, known -> {
                if (!settling) {
                    recorder.accept(known);
                }
                results.addAll(known);
            });
            strategy.tell(results);
            all.addAll(settling ? record(strategy.settled()) : results);
            afterRound.run();
            round++;
            reason = stopReason(all, start, numbering.next());
        }
        all.addAll(record(strategy.unsettled()));
        return new Outcome(all, reason);
    }

    /** Records a settling strategy's decided results at once (one journal write for a rung). */
    private List<TrialResult> record(List<TrialResult> settled) {
        if (!settled.isEmpty()) {
            recorder.accept(settled);
        }
        return settled;
    }

    /** @return why the loop stops before the next round, or null when it goes on */
    private StopReason stopReason(List<TrialResult> all, long startNanos, int trialsStarted) {
        if (strategy.isFinished()) {
            return StopReason.STRATEGY;
        } else if (trialsStarted >= budget) {
            return StopReason.TRIALS;
        } else if (maxSeconds > 0 && (System.nanoTime() - startNanos) / 1e9 >= maxSeconds) {
            return StopReason.MAX_SECONDS;
        } else if (target.isPresent() && all.stream().anyMatch(this::reachesTarget)) {
            return StopReason.TARGET;
        }
        return null;
    }

    private boolean reachesTarget(TrialResult result) {
        double value = result.metric(TrialRunner.objectiveKey(metric));
        return result.state() == TrialState.COMPLETE && Double.isFinite(value)
                && !metric.isBetter(target.getAsDouble(), value);
    }

    /** Trial ids in ask order and their seeds, for one search. */
    private static final class TrialNumbering {
        private final long jobSeed;
        private final Map<Integer, Long> seeds = new HashMap<>();

        TrialNumbering(long jobSeed) {
            this.jobSeed = jobSeed;
        }

        /** @return the id the next trial gets, which is also how many trials were started */
        int next() {
            return seeds.size();
        }

        List<Trial> trials(int round, List<Proposal> proposals) {
            List<Trial> trials = new ArrayList<>();
            for (Proposal proposal : proposals) {
                int id = seeds.size();
                int resumes = proposal.plan().resumes();
                long seed = resumes >= 0 ? seeds.get(resumes) : TrialSeeds.of(jobSeed, id);
                seeds.put(id, seed);
                trials.add(new Trial(id, round, proposal.configuration(), seed, proposal.phase(), proposal.plan()));
            }
            return trials;
        }
    }
}
