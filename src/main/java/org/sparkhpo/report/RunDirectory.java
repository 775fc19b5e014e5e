package org.sparkhpo.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.permission.FsPermission;
import org.sparkhpo.common.InvalidInputException;

/**
 * The directory of one run, {@code <hpo.output.dir>/<run id>}, on any Hadoop file system (file://, hdfs://,
 * s3a://; a path without a scheme is on {@code fs.defaultFS}, as everywhere in Spark).
 *
 * <p>Every file is written whole by {@link #writeAtomically}: a temporary sibling named
 * {@code <name>.tmp-<random>} is written, synced and closed, then moved over {@code <name>} in one step; on
 * object stores (s3a, gs), where a rename is a copy, the file is written in place instead, which the store
 * publishes whole on close (see {@link ReplaceMethod}). Either way a reader or a resumed run finds the old
 * content or the new, never a partial file. On the local file system the checksumming wrapper is switched off so that no
 * {@code .crc} side files appear next to the outputs.
 *
 * <p>Lifecycle: made on the driver by {@link #create} for a new run or {@link #open} to resume one; used by
 * one driver thread at a time; never sent to executors. It holds file system clients and no open streams.
 */
public final class RunDirectory {
    /** Marks temporary files: {@code <name>.tmp-<random>}. */
    static final String TEMP_INFIX = ".tmp-";
    private static final String PROBE_PREFIX = ".write-probe-";
    private static final String OUTPUT_DIR_KEY = "hpo.output.dir";

    private final Path path;
    private final FileContext files;
    private final ReplaceMethod replaceMethod;
    private final RawLocalFileSystem localFiles;

    private RunDirectory(Path path, FileContext files, Configuration conf) throws IOException {
        this.path = path;
        this.files = files;
        this.replaceMethod = ReplaceMethod.forScheme(path.toUri().getScheme());
        this.localFiles = replaceMethod == ReplaceMethod.LOCAL_RENAME ? rawLocal(conf) : null;
    }

    /**
     * Creates the run directory (and missing parents) and checks that a file can be written in it. An existing
     * directory is kept with its files; whether that is allowed is the caller's decision.
     *
     * @param outputDir the value of {@code hpo.output.dir}
     * @param runId the run id, one path segment
     * @param conf the Hadoop configuration (Spark's {@code hadoopConfiguration()}); copied, not changed
     * @throws InvalidInputException naming {@code hpo.output.dir} when the directory cannot be created or written
     * @throws IllegalArgumentException when {@code runId} is not one non-empty path segment
     */
    public static RunDirectory create(String outputDir, String runId, Configuration conf) {
        checkRunId(runId);
        try {
            RunDirectory directory = locate(outputDir, runId, conf);
            directory.files.mkdir(directory.path, FsPermission.getDirDefault(), true);
            directory.probe();
            return directory;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(
                    OUTPUT_DIR_KEY + ": '" + outputDir + "' cannot be written: " + reason(e), e);
        }
    }

    /**
     * Opens the directory of an earlier run to resume it, and deletes temporary files that a crash left behind
     * (the file each one was to replace is still whole).
     *
     * @param outputDir the value of {@code hpo.output.dir}
     * @param runId the id of the run to resume
     * @param conf the Hadoop configuration; copied, not changed
     * @throws InvalidInputException naming {@code hpo.output.dir} when the run directory does not exist or
     *     cannot be read
     * @throws IllegalArgumentException when {@code runId} is not one non-empty path segment
     */
    public static RunDirectory open(String outputDir, String runId, Configuration conf) {
        checkRunId(runId);
        RunDirectory directory;
        try {
            directory = locate(outputDir, runId, conf);
            if (!directory.files.getFileStatus(directory.path).isDirectory()) {
                throw new IOException(directory.path + " is not a directory");
            }
            directory.deleteTemporaries();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(OUTPUT_DIR_KEY + ": '" + outputDir + "' has no run '" + runId
                    + "' to resume: " + reason(e), e);
        }
        return directory;
    }

    /**
     * Opens a run directory only to read it (the run may still be going on): nothing is created or deleted.
     *
     * @param runDirectory the run directory's path or URI
     * @param conf the Hadoop configuration; copied, not changed
     * @throws InvalidInputException when it is not a readable directory
     */
    public static RunDirectory forReading(String runDirectory, Configuration conf) {
        Path path = new Path(runDirectory);
        try {
            Path parent = path.getParent();
            RunDirectory directory = locate(parent == null ? "." : parent.toString(), path.getName(), conf);
            if (!directory.files.getFileStatus(directory.path).isDirectory()) {
                throw new IOException(directory.path + " is not a directory");
            }
            return directory;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("'" + runDirectory + "' is not a readable run directory: " + reason(e), e);
        }
    }

    /**
     * Opens {@code hpo.output.dir} itself (creating it when missing), for the files that sit beside the run
     * directories: the nightly job's {@code LATEST} pointer and lock.
     *
     * @param outputDir the value of {@code hpo.output.dir}
     * @param conf the Hadoop configuration; copied, not changed
     * @throws InvalidInputException naming {@code hpo.output.dir} when it cannot be created or written
     */
    public static RunDirectory outputRoot(String outputDir, Configuration conf) {
        Objects.requireNonNull(outputDir, "outputDir");
        try {
            RunDirectory root = at(new Path(outputDir), conf);
            root.files.mkdir(root.path, FsPermission.getDirDefault(), true);
            root.probe();
            return root;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(
                    OUTPUT_DIR_KEY + ": '" + outputDir + "' cannot be written: " + reason(e), e);
        }
    }

    /**
     * Creates the file {@code name} with {@code content} only if no such file exists, as one atomic step where
     * the file system offers one: {@code O_CREAT|O_EXCL} on the local file system, the name node's create on
     * HDFS. (Object stores have no such step: there two writers may both succeed.)
     *
     * @return true when this call created the file, false when it already existed
     * @throws UncheckedIOException when the file system fails otherwise
     */
    public boolean createIfAbsent(String name, String content) {
        Path target = resolve(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (replaceMethod == ReplaceMethod.LOCAL_RENAME) {
                java.nio.file.Files.write(java.nio.file.Path.of(target.toUri()), bytes,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            }
            try (FSDataOutputStream out = files.create(target, EnumSet.of(CreateFlag.CREATE))) {
                out.write(bytes);
            }
            return true;
        } catch (java.nio.file.FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + reason(e), e);
        }
    }

    /** Deletes the file {@code name}; nothing happens when it does not exist. */
    public void delete(String name) {
        Path target = resolve(name);
        try {
            files.delete(target, false);
        } catch (java.io.FileNotFoundException e) {
            // Already gone: the outcome the caller wants.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target + ": " + reason(e), e);
        }
    }

    /** @return the directory as a local path when it is on the local file system, else empty */
    public java.util.Optional<java.nio.file.Path> localPath() {
        return replaceMethod == ReplaceMethod.LOCAL_RENAME
                ? java.util.Optional.of(java.nio.file.Path.of(path.toUri())) : java.util.Optional.empty();
    }

    /** @return the fully qualified path of the run directory */
    public Path path() {
        return path;
    }

    /**
     * @param name a relative path inside the run directory, such as {@code trials.jsonl} or {@code model}
     * @return its fully qualified path
     * @throws IllegalArgumentException when {@code name} is empty, absolute or climbs out with {@code ..}
     */
    public Path resolve(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith("/") || name.contains(":")
                || ("/" + name + "/").contains("/../")) {
            throw new IllegalArgumentException("file name: '" + name
                    + "' must be a relative path inside the run directory");
        }
        return new Path(path, name);
    }

    /**
     * Replaces the file {@code name} with {@code content} (UTF-8) atomically: a reader sees the previous content
     * or the new, never a partial file. Missing parent directories inside the run directory are created. Returns once the new content is durable as far as the file system
     * offers ({@code hsync} where supported, then close). A temporary file is deleted again when any step fails.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeAtomically(String name, String content) {
        Path target = resolve(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (replaceMethod == ReplaceMethod.DIRECT_WRITE) {
                writeWhole(target, bytes);
            } else {
                writeAndMove(resolve(name + TEMP_INFIX + UUID.randomUUID()), target, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /** @return whether the file or directory {@code name} exists in the run directory */
    public boolean exists(String name) {
        Path target = resolve(name);
        try {
            return files.util().exists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + target + ": " + reason(e), e);
        }
    }

    /**
     * @return the content of the file {@code name}, decoded as UTF-8
     * @throws UncheckedIOException when it does not exist or cannot be read
     */
    public String read(String name) {
        Path target = resolve(name);
        try (InputStream in = files.open(target)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target + ": " + reason(e), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static RunDirectory locate(String outputDir, String runId, Configuration conf) throws IOException {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(conf, "conf");
        return at(new Path(new Path(outputDir), runId), conf);
    }

    /**
     * @return a handle on {@code path}, qualified with the default file system when it names no scheme, with
     *     local checksum files turned off; nothing is created
     */
    private static RunDirectory at(Path path, Configuration conf) throws IOException {
        Configuration copy = withoutLocalChecksums(conf);
        Path qualified = path.toUri().getScheme() == null ? FileContext.getFileContext(copy).makeQualified(path) : path;
        FileContext files = FileContext.getFileContext(qualified.toUri(), copy);
        return new RunDirectory(files.makeQualified(qualified), files, copy);
    }

    private static void checkRunId(String runId) {
        if (runId == null || runId.isEmpty() || runId.contains("/") || runId.contains(":")
                || runId.equals("..") || runId.equals(".")) {
            throw new IllegalArgumentException("run id: '" + runId + "' must be one non-empty path segment");
        }
    }

    /**
     * Copies {@code conf} with {@code file:} bound to the raw local {@code AbstractFileSystem}, which is what
     * {@link FileContext} uses. The default binding, {@code LocalFs}, writes a {@code .crc} file beside every file
     * (and leaves the temporary one's behind after a rename). {@code fs.file.impl} is not needed: the only
     * {@code FileSystem} used here is a {@link RawLocalFileSystem} made directly, which also sidesteps the
     * {@code FileSystem.get} cache, where a checksumming instance made by Spark may already sit.
     */
    static Configuration withoutLocalChecksums(Configuration conf) {
        Configuration copy = new Configuration(conf);
        copy.set("fs.AbstractFileSystem.file.impl", "org.apache.hadoop.fs.local.RawLocalFs");
        return copy;
    }

    private static RawLocalFileSystem rawLocal(Configuration conf) throws IOException {
        RawLocalFileSystem local = new RawLocalFileSystem();
        local.initialize(URI.create("file:///"), conf);
        return local;
    }

    private void writeAndMove(Path temp, Path target, byte[] bytes) throws IOException {
        try {
            writeWhole(temp, bytes);
            if (replaceMethod == ReplaceMethod.LOCAL_RENAME) {
                if (!localFiles.rename(temp, target)) {
                    throw new IOException("rename of " + temp + " to " + target + " failed");
                }
            } else {
                files.rename(temp, target, Options.Rename.OVERWRITE);
            }
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
    }

    private void writeWhole(Path target, byte[] bytes) throws IOException {
        writeWhole(files, target, bytes);
    }

    /**
     * Writes {@code bytes} as the whole of {@code target} (created with its parents, or overwritten) and syncs
     * it to disk where the stream can; shared by the run directory's files and the checkpoint store.
     */
    static void writeWhole(FileContext files, Path target, byte[] bytes) throws IOException {
        EnumSet<CreateFlag> flags = EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE);
        try (FSDataOutputStream out = files.create(target, flags, Options.CreateOpts.createParent())) {
            out.write(bytes);
            // Object store streams do not sync (closing publishes the object); asking them would only log warnings.
            if (out.hasCapability(StreamCapabilities.HSYNC)) {
                out.hsync();
            }
        }
    }

    private void deleteAfterFailure(Path temp, Exception failure) {
        try {
            files.delete(temp, false);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void probe() throws IOException {
        Path probe = resolve(PROBE_PREFIX + UUID.randomUUID());
        writeWhole(probe, new byte[] {1});
        if (!files.delete(probe, false)) {
            throw new IOException("cannot delete the probe file " + probe);
        }
    }

    private void deleteTemporaries() throws IOException {
        for (FileStatus status : files.util().listStatus(path)) {
            String name = status.getPath().getName();
            if (status.isFile() && (name.contains(TEMP_INFIX) || name.startsWith(PROBE_PREFIX))) {
                files.delete(status.getPath(), false);
            }
        }
    }

    /** @return the first line of the exception's message, or its type when it has none */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
