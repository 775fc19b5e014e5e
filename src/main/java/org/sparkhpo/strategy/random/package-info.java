/**
 * Random search, seeded per trial id so the same job seed gives the same configurations whatever the round
 * size.
 */
package org.sparkhpo.strategy.random;
