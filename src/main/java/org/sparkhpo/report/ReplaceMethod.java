package org.sparkhpo.report;

import java.util.Locale;
import java.util.Set;

/**
 * How {@link RunDirectory#writeAtomically} puts a new version of a file in place, chosen by the file system's
 * scheme so that a reader sees the old file or the new one, never a missing or partial one.
 */
enum ReplaceMethod {
    /**
     * Write a temporary sibling, then {@code FileContext.rename(temp, target, OVERWRITE)}. Atomic on HDFS, whose
     * {@code Hdfs} file system implements the overwriting rename in the name node.
     */
    RENAME_OVERWRITE,
    /**
     * Write a temporary sibling, then {@code RawLocalFileSystem.rename}, that is {@code rename(2)}, which replaces
     * the target atomically. {@code FileContext}'s overwriting rename is not used here: for the local file system
     * it falls back to {@code AbstractFileSystem}'s generic version, which deletes the target and then renames,
     * leaving a moment with no file at all.
     */
    LOCAL_RENAME,
    /**
     * Write the target directly. On object stores a rename is a copy and a delete, never atomic, whereas a new
     * object becomes visible whole, when its stream closes, or not at all.
     */
    DIRECT_WRITE;

    /** Object stores whose Hadoop connectors publish an object only when its output stream is closed. */
    private static final Set<String> OBJECT_STORES = Set.of("s3a", "gs");

    /** @return the method for a file system with URI scheme {@code scheme} */
    static ReplaceMethod forScheme(String scheme) {
        String normalized = scheme.toLowerCase(Locale.ROOT);
        if (normalized.equals("file")) {
            return LOCAL_RENAME;
        }
        return OBJECT_STORES.contains(normalized) ? DIRECT_WRITE : RENAME_OVERWRITE;
    }
}
