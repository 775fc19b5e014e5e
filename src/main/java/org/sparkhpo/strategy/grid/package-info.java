/**
 * Grid search in declaration order, the last parameter varying fastest.
 */
package org.sparkhpo.strategy.grid;
