package org.sparkhpo.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkhpo.common.InvalidInputException;

/**
 * Opens data files for reading: a local path or {@code file:} URI with {@code java.nio}, any other URI a Hadoop file
 * system serves ({@code hdfs:}, {@code s3a:}, ...) through the Hadoop {@link FileSystem} API.
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
        InputStream raw = isLocal(location) ? openLocal(location) : openHadoop(location);
        if (location.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
            } catch (IOException e) {
                closeQuietly(raw);
                throw cannotRead(location, e);
            }
        }
        return new BufferedInputStream(raw, BUFFER_BYTES);
    }

    /**
     * @return whether the location is a local path or a {@code file:} URI, which are read with {@code java.nio}
     *     directly (Hadoop's local file system would parse its XML configuration first: about a quarter of the data
     *     preparation of full Fashion-MNIST in a JFR profile)
     */
    static boolean isLocal(String location) {
        try {
            String scheme = new Path(location).toUri().getScheme();
            return scheme == null || scheme.equals("file");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(location + ": not a valid path or URI (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream openLocal(String location) {
        java.nio.file.Path path = java.nio.file.Path.of(new Path(location).toUri().getPath());
        if (!Files.exists(path)) {
            throw new InvalidInputException(location + ": file does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(location + ": file does not exist (it is a directory)");
        }
        try {
            if (Files.size(path) == 0) {
                throw new InvalidInputException(location + ": file is empty");
            }
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw cannotRead(location, e);
        }
    }

    private static InputStream openHadoop(String location) {
        try {
            Path path = new Path(location);
            FileSystem fileSystem = path.getFileSystem(new Configuration());
            checkReadable(location, fileSystem, path);
            return fileSystem.open(path, BUFFER_BYTES);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(location + ": not a valid path or URI (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw cannotRead(location, e);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the read failure is what the caller reports
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
