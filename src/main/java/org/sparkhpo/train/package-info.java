/**
 * Training one linear model by mini-batch momentum SGD: losses, the BLAS and CSR kernels, the momentum
 * updater, learning-rate schedules, early stoppers and resumable state. Runs inside Spark tasks; no Spark
 * imports.
 */
package org.sparkhpo.train;
