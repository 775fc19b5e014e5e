package org.sparkhpo.strategy.tpe;

import java.util.SplittableRandom;

/**
 * A probability density over (some) coordinates of the model cube that TPE can draw candidates from and score
 * them with: l(x) of the good trials and g(x) of the others (Bergstra et al., NeurIPS 2011, section 4).
 * Implementations are immutable; the caller owns the random stream.
 */
public interface Density {
    /** @return a point drawn from the density */
    double[] sample(SplittableRandom random);

    /** @return the log of the density at {@code x} */
    double logDensity(double[] x);
}
