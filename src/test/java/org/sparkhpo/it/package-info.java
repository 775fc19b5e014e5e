/**
 * Support for the integration tests ({@code *IT}, run by maven-failsafe-plugin after {@code package}): child JVMs
 * started from the test classpath, and a real Spark standalone cluster (a master and two workers) built from it.
 */
package org.sparkhpo.it;
