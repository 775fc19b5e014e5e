/**
 * What a search is: the strategy kinds a user can name, each with its one {@code StrategyDescriptor} in the
 * registry {@code StrategyKind} (how it is built, its round size, its planned trials, whether it settles
 * results, which settings it accepts), and the search settings records they are built from. Sits above the
 * strategies, objectives and reports and below {@code config}, which reads the keys into these records.
 */
package org.sparkhpo.search;
