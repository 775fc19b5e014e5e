package org.sparkhpo.train;

/**
 * Decides when a running trial stops (a strategy decides what to try; this decides when to give up on
 * one run). Lifecycle: one stopper per training run; {@link #record} is called once after each epoch with
 * that epoch's validation metric, then {@link #shouldStop()} is asked.
 */
public interface EarlyStopper {
    /**
     * @param epoch the number of epochs done (1 after the first)
     * @param metric the validation metric after that epoch
     * @return true when this epoch is the best so far (its weights become the checkpoint)
     */
    boolean record(int epoch, double metric);

    /** @return true when training should stop now; a query, it changes nothing */
    boolean shouldStop();
}
