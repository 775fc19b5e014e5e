/**
 * Derivative-free optimization (Nelder–Mead in Lee and Wiswall's parallel form, compass pattern search and
 * CMA-ES) as driver-side ask/tell state machines that search the unit cube of a search space and hand out
 * whole rounds of candidates, so every Spark task slot has work; {@link org.sparkhpo.strategy.dfo.DfoStrategy}
 * holds what they share (initial design, rounds split across asks, failures told as +infinity).
 */
package org.sparkhpo.strategy.dfo;
