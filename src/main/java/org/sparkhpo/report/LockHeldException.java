package org.sparkhpo.report;

/**
 * Another run holds the output directory's lock: the nightly job ends with exit code 4 and prints
 * {@link #getMessage()}, which names the lock file, its holder and how to break a stale one.
 */
public final class LockHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the lock file, its holder and the rule for breaking it */
    public LockHeldException(String message) {
        super(message);
    }
}
