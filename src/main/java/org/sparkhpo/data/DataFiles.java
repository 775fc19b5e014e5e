package org.sparkhpo.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkhpo.common.InvalidInputException;

/**
 * Opens data files for reading through the Hadoop {@link FileSystem} API, so that a location may be a local
 * path, a {@code file:} URI or any URI a Hadoop file system serves ({@code hdfs:}, {@code s3a:}, ...).
 * Names ending in {@code .gz} are gunzipped on the fly. Driver-only; the caller closes what it gets.
 *
 * <p>Rules: a location that does not exist or names a directory fails with
 * {@code "<location>: file does not exist"}, a file of length 0 with {@code "<location>: file is empty"}.
 */
public final class DataFiles {
    /** Large enough that one read call serves many short text lines or a whole image. */
    static final int BUFFER_BYTES = 1 << 16;

    private DataFiles() {
    }

    /**
     * Opens a file as a buffered byte stream, gunzipped when its name ends in {@code .gz}.
     *
     * @param location a path or URI
     * @return a buffered stream positioned at the first (decompressed) byte
     * @throws InvalidInputException when the file is missing, empty or cannot be opened
     */
    public static InputStream open(String location) {
        try {
            Path path = new Path(location);
            FileSystem fileSystem = path.getFileSystem(new Configuration());
            checkReadable(location, fileSystem, path);
            InputStream raw = fileSystem.open(path, BUFFER_BYTES);
            if (location.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
            }
            return new BufferedInputStream(raw, BUFFER_BYTES);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(location + ": not a valid path or URI (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw cannotRead(location, e);
        }
    }

    /**
     * Opens a text file as UTF-8 lines, gunzipped when its name ends in {@code .gz}.
     *
     * @param location a path or URI
     * @return a buffered reader; a byte-order mark, if any, is left for the caller to strip
     * @throws InvalidInputException when the file is missing, empty or cannot be opened
     */
    public static BufferedReader openText(String location) {
        return new BufferedReader(new InputStreamReader(open(location), StandardCharsets.UTF_8), BUFFER_BYTES);
    }

    /**
     * Wraps a read failure into the job's input error.
     *
     * @param location the file being read
     * @param cause what went wrong
     * @return an exception naming the file and the cause
     */
    static InvalidInputException cannotRead(String location, IOException cause) {
        return new InvalidInputException(location + ": cannot read: " + cause.getMessage(), cause);
    }

    private static void checkReadable(String location, FileSystem fileSystem, Path path) throws IOException {
        FileStatus status;
        try {
            status = fileSystem.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new InvalidInputException(location + ": file does not exist", e);
        }
        if (status.isDirectory()) {
            throw new InvalidInputException(location + ": file does not exist (it is a directory)");
        }
        if (status.getLen() == 0) {
            throw new InvalidInputException(location + ": file is empty");
        }
    }
}
