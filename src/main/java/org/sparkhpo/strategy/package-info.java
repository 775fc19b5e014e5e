/**
 * What to try next: strategies are ask/tell state machines on the driver that never evaluate anything
 * themselves, so a whole round can go to the cluster at once.
 */
package org.sparkhpo.strategy;
