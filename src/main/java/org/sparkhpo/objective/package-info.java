/**
 * Objectives with known optima (sphere, Rosenbrock, Branin) that stand in for training, so a user or a test can
 * check a strategy through the same Spark loop: {@link org.sparkhpo.objective.FunctionObjective} evaluates a
 * {@link org.sparkhpo.objective.KnownFunction} where {@link org.sparkhpo.trial.TrialRunner} would train.
 */
package org.sparkhpo.objective;
