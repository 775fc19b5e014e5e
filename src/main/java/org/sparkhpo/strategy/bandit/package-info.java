/**
 * Successive halving (Jamieson and Talwalkar 2016) and Hyperband (Li et al., JMLR 2018) as ask/tell
 * strategies that hand out epoch budgets: each rung evaluation is a trial that resumes the checkpoint of
 * the same configuration's evaluation in the rung below.
 */
package org.sparkhpo.strategy.bandit;
