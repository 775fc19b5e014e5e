package org.sparkhpo.data;

import org.sparkhpo.common.ConfigNamed;

/**
 * How dense features are stored for training ({@code hpo.data.precision}). Single precision halves the
 * memory of the broadcast and the memory traffic of every epoch, and lets BLAS use twice as many lanes per
 * vector instruction; parameters, gradients and metrics stay in double precision.
 */
public enum Precision implements ConfigNamed {
    DOUBLE, FLOAT
}
