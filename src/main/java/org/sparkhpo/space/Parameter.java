package org.sparkhpo.space;

import java.io.Serializable;
import java.util.List;

/**
 * One dimension of a search space. Every parameter maps to and from the unit interval (the internal
 * representation samplers and derivative-free methods work in, as Optuna's distributions do) and lists
 * its grid values.
 */
public sealed interface Parameter extends Serializable
        permits ContinuousParameter, IntegerParameter, CategoricalParameter {
    /** @return the hyperparameter this dimension sets */
    Tunable tunable();

    /** @return the configuration key, {@code tunable().key()} */
    default String name() {
        return tunable().key();
    }

    /**
     * @param unit a position in [0, 1]
     * @return the value at that position (integers rounded, categories by equal-width bins)
     */
    Object fromUnit(double unit);

    /** @return the position in [0, 1] of {@code value} (the inverse of {@link #fromUnit} up to rounding) */
    double toUnit(Object value);

    /** @return the values a grid search enumerates, in order */
    List<Object> gridValues();
}
