package org.sparkhpo.strategy.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.BudgetedListStrategy;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.common.TrialSeeds;

/**
 * Where the bandit strategies get new configurations: an endless sequence drawn from a list strategy
 * (grid or random search), optionally mixed with a model fitted on the rungs' results (BOHB).
 *
 * <p>List: when the list ends (a grid is exhausted) it starts again from the first point, so Hyperband, whose
 * brackets together want more configurations than a small grid holds, revisits grid points in later brackets
 * (with other seeds) rather than stopping.
 *
 * <p>BOHB (Falkner, Klein and Hutter, "BOHB: robust and efficient hyperparameter optimization at scale", ICML
 * 2018, Algorithm 2): with a {@link RungModel}, each configuration of a new bracket is, with probability
 * 1/3, drawn from the list (random search keeps Hyperband's guarantees), otherwise proposed by the model fitted
 * on the highest rung with enough results; while no rung has enough, every configuration comes from the list.
 *
 * <p>Lifecycle: driver-only, owned by one strategy; reproducible from the job seed and the results observed.
 */
public final class ConfigurationSampler {
    /** BOHB's fraction of configurations drawn at random (the paper's rho). */
    public static final double RANDOM_FRACTION = 1.0 / 3.0;
    private static final long MIXING_STREAM = 0x424F_4842_4D49_5831L;

    private final Supplier<BudgetedListStrategy> source;
    private final RungModel model;
    private final long seed;
    private BudgetedListStrategy current;
    private int brackets;

    /** @param source makes a fresh list strategy (grid or random) whenever the previous one is exhausted */
    public ConfigurationSampler(Supplier<BudgetedListStrategy> source) {
        this(source, null, 0L);
    }

    /**
     * @param source the list strategy for the random share (and for everything before the model is ready)
     * @param model BOHB's model, or null for the list alone
     * @param jobSeed the job seed (for the random/model mixing)
     */
    public ConfigurationSampler(Supplier<BudgetedListStrategy> source, RungModel model, long jobSeed) {
        this.source = source;
        this.current = source.get();
        this.model = model;
        this.seed = jobSeed ^ MIXING_STREAM;
    }

    /** @return the next configuration of the list sequence */
    public Configuration next() {
        if (current.isFinished()) {
            current = source.get();
        }
        var proposals = current.ask(1);
        if (proposals.isEmpty()) {
            throw new IllegalStateException("configuration sampler: the list strategy proposes nothing");
        }
        Proposal proposal = proposals.get(0);
        return proposal.configuration();
    }

    /**
     * @param count how many configurations a new bracket needs
     * @return count configurations: the model's share first (when it is ready), then the list's
     */
    public List<Configuration> next(int count) {
        List<Configuration> configurations = new ArrayList<>();
        if (model != null) {
            SplittableRandom mixing = new SplittableRandom(TrialSeeds.of(seed, brackets));
            int modelShare = 0;
            for (int i = 0; i < count; i++) {
                modelShare += mixing.nextDouble() < RANDOM_FRACTION ? 0 : 1;
            }
            configurations.addAll(model.propose(modelShare, mixing));
        }
        brackets++;
        while (configurations.size() < count) {
            configurations.add(next());
        }
        return configurations;
    }

    /**
     * @param results results of one rung's trials (told as they arrive)
     * @param budget the rung's epoch budget
     */
    public void observe(List<TrialResult> results, int budget) {
        if (model != null) {
            model.observe(results, budget);
        }
    }
}
