package org.sparkhpo.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Locations of test fixtures and helpers that write small files into a JUnit temporary directory. */
final class TestFiles {
    /** The embedded Fashion-MNIST subset, relative to the project directory (Surefire's working directory). */
    static final String EMBEDDED = "data/fashion-mnist-small/";

    private TestFiles() {
    }

    /** @return the file system path of a resource under {@code src/test/resources/data/} */
    static String resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/data/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes UTF-8 text and returns the path as a string. */
    static String write(Path dir, String name, String text) {
        return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes, gzipped when the name ends in {@code .gz}, and returns the path as a string. */
    static String writeBytes(Path dir, String name, byte[] bytes) {
        Path file = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
