/**
 * The job: {@code HpoJob} (main, exit codes), {@code TuningRun} (one run from settings to outputs), {@code
 * OptimizationLoop} (ask, evaluate a round, journal, tell), resume by replay and the nightly run.
 */
package org.sparkhpo.app;
