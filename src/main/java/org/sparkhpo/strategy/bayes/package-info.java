/**
 * Bayesian optimization in rounds: a Gaussian process surrogate (Matérn 5/2, fitted by maximum marginal
 * likelihood or a posteriori), the log expected improvement and lower confidence bound acquisitions, their optimizer, and the
 * {@code bayes} strategy that proposes whole rounds by the Kriging believer. Driver-side ask/tell state machines,
 * usable without Spark.
 */
package org.sparkhpo.strategy.bayes;
