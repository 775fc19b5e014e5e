/**
 * Trials and their results: what one evaluation is, how it is run where the data is (a failure is a result),
 * its seed, checkpoints, and the evaluators of a round.
 */
package org.sparkhpo.trial;
