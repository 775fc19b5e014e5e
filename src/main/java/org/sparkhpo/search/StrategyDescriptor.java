package org.sparkhpo.search;

import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.strategy.Strategy;

/**
 * Everything the rest of the job needs to know about one strategy kind, in one place: how it is built, how
 * many trials a round holds, how many trials it plans, whether it settles results (and so hands out epoch
 * budgets and resumes checkpoints), whether it searches the unit cube of the space, and which settings it
 * rejects. Each kind registers exactly one descriptor in {@link StrategyKind}; nothing else switches on the kind.
 *
 * @param builder builds the strategy for a run
 * @param planner how many trials the strategy runs at most (for progress lines), at most the trial budget
 * @param roundSize how many trials a round holds when the parallelism is automatic
 * @param settlesResults true when the strategy releases results only once later trials decided their final
 *     state ({@link Strategy#settlesResults()}), as successive halving does per rung; such a run keeps a
 *     checkpoint per trial and reports its rungs
 * @param searchesUnitCube true when the strategy moves in the unit cube of the space, which needs every
 *     parameter to be numeric ({@code UnitCube})
 * @param rule the settings this strategy rejects, beyond its keys' own ranges; throws
 *     {@code InvalidInputException} naming the keys, the values and the rule
 * @param needsTrainingObjective true when the strategy's settings need SGD training (the theory estimates),
 *     which a known-function objective does not have
 * @param batch the strategy's natural batch: the candidates it decides on together (a CMA-ES generation, a
 *     complete poll), which rounds of the task slots are raised to, so a batch is one round and its trials
 *     train in packs; 1 for a strategy whose batch is its round
 */
public record StrategyDescriptor(Builder builder, ToIntFunction<StrategyInputs> planner, RoundSize roundSize,
                                 boolean settlesResults, boolean searchesUnitCube, SettingsRule rule,
                                 Predicate<SearchSettings> needsTrainingObjective, ToIntFunction<StrategyInputs> batch) {
    /** Builds a strategy from the run's settings. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param inputs the run's settings
         * @param data the prepared data on the driver (the theory strategy and start estimate smoothness on it)
         * @param roundSize the trials per round, >= 1
         * @return a new strategy, deterministic given the inputs (see {@link Strategy})
         */
        Strategy build(StrategyInputs inputs, PreparedData data, int roundSize);
    }

    /** A check of the settings a strategy needs, run once by the settings loader. */
    @FunctionalInterface
    public interface SettingsRule {
        /** @param inputs the run's settings; throws {@code InvalidInputException} when they do not fit */
        void check(StrategyInputs inputs);
    }

    /**
     * @param builder how the strategy is built
     * @return a descriptor with the defaults of a strategy that learns from every round: rounds of the
     *     cluster's task slots, the whole trial budget planned, results recorded as they arrive, any space
     *     and any objective accepted
     */
    public static StrategyDescriptor of(Builder builder) {
        return new StrategyDescriptor(builder, inputs -> inputs.search().trials(), RoundSize.TASK_SLOTS, false,
                false, inputs -> { }, search -> false, inputs -> 1);
    }

    /** @return this descriptor planning {@code planner}'s count, capped by the trial budget */
    public StrategyDescriptor plannedTrials(ToIntFunction<StrategyInputs> planned) {
        ToIntFunction<StrategyInputs> capped = inputs -> Math.min(planned.applyAsInt(inputs), inputs.search().trials());
        return new StrategyDescriptor(builder, capped, roundSize, settlesResults, searchesUnitCube, rule,
                needsTrainingObjective, batch);
    }

    /** @return this descriptor with rounds of {@code size} */
    public StrategyDescriptor rounds(RoundSize size) {
        return new StrategyDescriptor(builder, planner, size, settlesResults, searchesUnitCube, rule,
                needsTrainingObjective, batch);
    }

    /** @return this descriptor for a strategy that settles its results */
    public StrategyDescriptor settling() {
        return new StrategyDescriptor(builder, planner, roundSize, true, searchesUnitCube, rule,
                needsTrainingObjective, batch);
    }

    /** @return this descriptor for a strategy that searches the unit cube (every parameter numeric) */
    public StrategyDescriptor inUnitCube() {
        return new StrategyDescriptor(builder, planner, roundSize, settlesResults, true, rule,
                needsTrainingObjective, batch);
    }

    /** @return this descriptor rejecting what its rules so far reject and, after them, what {@code check} rejects */
    public StrategyDescriptor rejecting(SettingsRule check) {
        SettingsRule before = rule;
        SettingsRule both = inputs -> {
            before.check(inputs);
            check.check(inputs);
        };
        return new StrategyDescriptor(builder, planner, roundSize, settlesResults, searchesUnitCube, both,
                needsTrainingObjective, batch);
    }

    /** @return this descriptor needing a training objective when {@code needs} holds */
    public StrategyDescriptor needingTraining(Predicate<SearchSettings> needs) {
        return new StrategyDescriptor(builder, planner, roundSize, settlesResults, searchesUnitCube, rule, needs,
                batch);
    }

    /**
     * @return this descriptor for a strategy that decides on {@code size} candidates together: rounds of the task
     *     slots are raised to that many (an automatic parallelism only; the strategy proposes the same trials)
     */
    public StrategyDescriptor batches(ToIntFunction<StrategyInputs> size) {
        return new StrategyDescriptor(builder, planner, roundSize, settlesResults, searchesUnitCube, rule,
                needsTrainingObjective, size);
    }

    /**
     * @param inputs the run's settings
     * @param taskSlots the cluster's task slots
     * @return the trials per round: the configured parallelism when set, else {@link #roundSize}'s rule with the
     *     task slots raised to the strategy's {@link #batch}
     */
    public int trialsPerRound(StrategyInputs inputs, int taskSlots) {
        return roundSize.trialsPerRound(inputs, Math.max(taskSlots, batch.applyAsInt(inputs)));
    }

    /** @return the strategy for a run (see {@link Builder#build}) */
    public Strategy create(StrategyInputs inputs, PreparedData data, int trialsPerRound) {
        return builder.build(inputs, data, trialsPerRound);
    }

    /** @return how many trials the strategy runs at most (for progress lines) */
    public int plannedTrials(StrategyInputs inputs) {
        return planner.applyAsInt(inputs);
    }

    /** Checks the settings against this strategy's rules (and the unit cube's, for a unit-cube strategy). */
    public void check(StrategyInputs inputs) {
        if (searchesUnitCube) {
            StrategyRules.checkUnitCube(inputs);
        }
        rule.check(inputs);
    }
}
