/**
 * The cheap baselines people actually use, as strategies that learn nothing from results: folklore defaults
 * ({@link org.sparkhpo.strategy.baseline.FolkloreStrategy}), hand-picked configurations
 * ({@link org.sparkhpo.strategy.baseline.ManualStrategy}) and step size and momentum derived from the
 * estimated smoothness and strong convexity of the loss ({@link org.sparkhpo.strategy.baseline.TheoryStrategy}).
 */
package org.sparkhpo.strategy.baseline;
