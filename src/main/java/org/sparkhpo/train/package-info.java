/**
 * Training linear models by mini-batch momentum SGD, one or a pack at a time (one GEMM per mini-batch for the
 * whole pack, over contiguous row blocks read in place): losses, the BLAS and CSR kernels, the block order,
 * the momentum updater, learning-rate schedules, early stoppers and resumable state, and the worker team that splits a
 * pack's mini-batches across the cores its task holds. Runs inside Spark tasks; no Spark imports.
 */
package org.sparkhpo.train;
