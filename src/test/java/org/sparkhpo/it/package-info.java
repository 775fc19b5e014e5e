/**
 * Support for the integration tests ({@code *IT}, run by maven-failsafe-plugin after {@code package}): child JVMs
 * started from the test classpath, a {@code SPARK_HOME} built from it whose {@code bin/spark-submit} runs Spark's
 * launcher, a real Spark standalone cluster (a master and two workers), and the project's scripts run as a user
 * runs them against it.
 */
package org.sparkhpo.it;
