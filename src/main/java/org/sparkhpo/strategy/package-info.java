/**
 * What to try next: strategies are ask/tell state machines on the driver that never evaluate anything
 * themselves, so a whole round can go to the cluster at once ({@code Strategy} states the contract:
 * determinism under replay, settling). Beside the interface live the tools several families share:
 * {@code UnitCube} (the space as [0, 1]^d) and {@code MinimizedObjective} (the told results as numbers to
 * minimize), used by the derivative-free and model-based strategies, and the median and warm-start wrappers.
 */
package org.sparkhpo.strategy;
