/**
 * The tree-structured Parzen estimator ({@code tpe}), univariate or multivariate: densities of the good and of
 * the other trials, and proposals that maximize their ratio; a driver-side ask/tell state machine usable without
 * Spark.
 */
package org.sparkhpo.strategy.tpe;
