package org.sparkhpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The pointer to the newest complete run in {@code hpo.output.dir}: the file {@value #FILE_NAME} holding its run id,
 * replaced atomically ({@link RunDirectory#writeAtomically}) on any file system, and on the local file system also
 * a symbolic link {@value #LINK_NAME} to its directory, replaced by renaming a new link over it ({@code rename(2)}
 * is atomic). It is moved only after the run has written every output, so it always names a complete run.
 */
public final class LatestPointer {
    /** The file holding the newest complete run's id. */
    public static final String FILE_NAME = "LATEST";
    /** The symbolic link to the newest complete run's directory (local file system only). */
    public static final String LINK_NAME = "latest";

    private LatestPointer() {
    }

    /** @return the run id {@value #FILE_NAME} names, empty when there is none yet */
    public static Optional<String> read(RunDirectory root) {
        if (!root.exists(FILE_NAME)) {
            return Optional.empty();
        }
        String runId = root.read(FILE_NAME).trim();
        return runId.isEmpty() ? Optional.empty() : Optional.of(runId);
    }

    /** Points {@value #FILE_NAME} (and, locally, {@value #LINK_NAME}) at {@code runId}. */
    public static void update(RunDirectory root, String runId) {
        root.writeAtomically(FILE_NAME, runId + "\n");
        root.localPath().ifPresent(directory -> replaceLink(directory, runId));
    }

    private static void replaceLink(Path directory, String runId) {
        Path temporary = directory.resolve("." + LINK_NAME + RunDirectory.TEMP_INFIX + UUID.randomUUID());
        try {
            Files.createSymbolicLink(temporary, Path.of(runId));
            Files.move(temporary, directory.resolve(LINK_NAME), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot point " + directory.resolve(LINK_NAME) + " at " + runId,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
