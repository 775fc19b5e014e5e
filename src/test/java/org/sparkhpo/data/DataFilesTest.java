package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void missingFileIsNamed() {
        String missing = dir.resolve("nope.csv").toString();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataFiles.open(missing));
        assertEquals(missing + ": file does not exist", e.getMessage());
    }

    @Test
    void directoryIsNotAFile() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataFiles.open(dir.toString()));
        assertEquals(dir + ": file does not exist (it is a directory)", e.getMessage());
    }

    @Test
    void emptyFileIsNamed() throws IOException {
        String empty = Files.createFile(dir.resolve("empty.libsvm")).toString();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataFiles.open(empty));
        assertEquals(empty + ": file is empty", e.getMessage());
    }

    @Test
    void gzipIsDecompressedByName() throws IOException {
        String gz = TestFiles.write(dir, "text.csv.gz", "héllo\nworld\n");
        try (BufferedReader reader = DataFiles.openText(gz)) {
            assertEquals("héllo", reader.readLine());
            assertEquals("world", reader.readLine());
        }
    }

    @Test
    void plainFileIsReadAsIs() throws IOException {
        String plain = TestFiles.writeBytes(dir, "raw.bin", new byte[] {1, 2, (byte) 255});
        try (InputStream in = DataFiles.open(plain)) {
            assertEquals(1, in.read());
            assertEquals(2, in.read());
            assertEquals(255, in.read());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void fileUriIsAccepted() throws IOException {
        String plain = TestFiles.write(dir, "uri.txt", "x\n");
        try (BufferedReader reader = DataFiles.openText(Path.of(plain).toUri().toString())) {
            assertEquals("x", reader.readLine());
        }
    }
}
