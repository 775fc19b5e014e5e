package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.Objects;
import org.sparkhpo.space.Configuration;

/**
 * One evaluation to run: a configuration, its identity and its seed. Created on the driver by a
 * strategy, shipped to a Spark task, immutable.
 *
 * @param id the trial id, unique within a run, counting from 0 in the order strategies ask
 * @param round the round (Spark job) the trial belongs to, counting from 0
 * @param configuration the hyperparameter values to train with
 * @param seed the trial's seed, {@link TrialSeeds#of(long, int)} of the job seed and {@code id}
 * @param phase the strategy phase that proposed the trial (for example {@code grid} or {@code reflect})
 */
public record Trial(int id, int round, Configuration configuration, long seed, String phase)
        implements Serializable {
    public Trial {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(phase, "phase");
        if (id < 0 || round < 0) {
            throw new IllegalArgumentException("trial: id and round must be >= 0, got " + id + ", " + round);
        }
    }
}
