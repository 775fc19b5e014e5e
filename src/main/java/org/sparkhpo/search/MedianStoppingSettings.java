package org.sparkhpo.search;

/**
 * The median stopping rule inside trials ({@code hpo.training.median-stopping}, {@code median-grace-epochs},
 * {@code median-min-trials}); see {@code train.MedianStopper}.
 *
 * @param enabled whether trials are stopped (PRUNED) when worse than the median of completed trials
 * @param graceEpochs epochs at a trial's start that the rule never stops, >= 0
 * @param minTrials completed trials (from earlier rounds) that must reach an epoch before the rule applies
 *     there, >= 1
 */
public record MedianStoppingSettings(boolean enabled, int graceEpochs, int minTrials) {
    public MedianStoppingSettings {
        if (graceEpochs < 0 || minTrials < 1) {
            throw new IllegalArgumentException("median stopping: grace epochs (" + graceEpochs
                    + ") must be >= 0 and min trials (" + minTrials + ") >= 1");
        }
    }
}
