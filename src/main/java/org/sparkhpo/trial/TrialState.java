package org.sparkhpo.trial;

/** How a trial ended. */
public enum TrialState {
    /** Trained to the end of its budget or stopped early by patience; its metrics are valid. */
    COMPLETE,
    /** Stopped by a strategy (successive halving, median rule) before its full budget. */
    PRUNED,
    /** Diverged (NaN, infinite or exploding loss) or threw; {@link TrialResult#error()} says why. */
    FAILED
}
