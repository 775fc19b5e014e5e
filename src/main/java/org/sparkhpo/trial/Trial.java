package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.Objects;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.space.Configuration;

/**
 * One evaluation to run: a configuration, its identity and its seed. Created on the driver by a
 * strategy, shipped to a Spark task, immutable.
 *
 * @param id the trial id, unique within a run, counting from 0 in the order strategies ask
 * @param round the round (Spark job) the trial belongs to, counting from 0
 * @param configuration the hyperparameter values to train with
 * @param seed the trial's seed, {@link TrialSeeds#of(long, long)} of the job seed and {@code id}
 * @param phase the strategy phase that proposed the trial (for example {@code grid} or {@code reflect})
 * @param plan epoch budget, checkpoint to resume and median rule ({@link TrialPlan#FULL} for a plain trial);
 *     a trial that resumes another has that trial's seed, which the checkpoint is checked against
 */
public record Trial(int id, int round, Configuration configuration, long seed, String phase, TrialPlan plan)
        implements Serializable {
    /** A plain trial ({@link TrialPlan#FULL}). */
    public Trial(int id, int round, Configuration configuration, long seed, String phase) {
        this(id, round, configuration, seed, phase, TrialPlan.FULL);
    }

    public Trial {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(plan, "plan");
        if (id < 0 || round < 0) {
            throw new IllegalArgumentException("trial: id and round must be >= 0, got " + id + ", " + round);
        }
    }
}
