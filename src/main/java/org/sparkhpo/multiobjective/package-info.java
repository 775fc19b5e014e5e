/**
 * Cost-aware and multi-objective evaluation of trials: the validation metric and the cost metrics a trial
 * records ({@link org.sparkhpo.multiobjective.CostMetric}), the three ways to combine them
 * ({@link org.sparkhpo.multiobjective.CombinationMode}: constraints, weighted scalarization, Pareto front),
 * Pareto dominance and non-dominated sorting, and the rule {@code hpo.select} that picks the one model of
 * {@code best.json}. Pure driver-side functions of trial results: no Spark, no I/O.
 */
package org.sparkhpo.multiobjective;
