/**
 * Search spaces: parameters (continuous, integer, categorical) that map to and from the unit interval on
 * their scale, the tunable hyperparameters and their rules, and configurations.
 */
package org.sparkhpo.space;
