package org.sparkhpo.config;

/**
 * How the nightly job ({@code --nightly}, {@code hpo.nightly}) relates a run to the previous one.
 *
 * @param warmStart how many of the previous run's best configurations are evaluated first, >= 0
 * @param maxRegression the largest drop of the best validation objective, in its own units, tolerated before
 *     the job exits with code 3; negative disables the check
 * @param lockStaleHours the age in hours from which another host's lock may be broken with {@code --break-lock}
 */
public record NightlySettings(int warmStart, double maxRegression, double lockStaleHours) {
}
