package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.sparkhpo.common.InvalidInputException;

/**
 * Property-based tests of the readers (jqwik): a valid LIBSVM, CSV or IDX file mutated at random (bytes
 * replaced, inserted or deleted, drawn from the characters that matter to each format) is either read into a
 * consistent data set or refused with {@link InvalidInputException} naming the file (and, for the text
 * formats, the line when one is at fault); never any other exception.
 */
class MutatedFilesTest {
    /** Characters that change how a text line parses. */
    private static final byte[] TEXT_ALPHABET = " \t\n\r:,#-+.eE0123456789xnaNIfinity\"\u00ff"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static final String LIBSVM = "1 1:0.5 3:2\n-1 2:1.25 5:-3 # comment\n1 4:1e-3\n\n-1 1:1 2:1 3:1\n";
    private static final String CSV = "a,b,label\n1.5,2,0\n-3,4e2,1\n0,0,1\n7,8,0\n";

    @Property(tries = 100)
    void mutatedLibsvmIsReadOrRefusedNamingFileAndLine(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6)
            int edits) throws IOException {
        Path file = mutated(LIBSVM.getBytes(StandardCharsets.UTF_8), seed, edits, TEXT_ALPHABET, ".libsvm");
        try {
            checkOutcome(file, () -> LibsvmReader.read(file.toString(), 0));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 100)
    void mutatedCsvIsReadOrRefusedNamingFileAndLine(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6)
            int edits) throws IOException {
        Path file = mutated(CSV.getBytes(StandardCharsets.UTF_8), seed, edits, TEXT_ALPHABET, ".csv");
        try {
            checkOutcome(file, () -> CsvReader.read(file.toString(), "label"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 100)
    void mutatedIdxIsReadOrRefusedNamingTheFile(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4)
            int edits, @ForAll boolean mutateLabels) throws IOException {
        byte[] images = idx(IdxReader.IMAGES_MAGIC, new int[] {3, 2, 2}, 12);
        byte[] labels = idx(IdxReader.LABELS_MAGIC, new int[] {3}, 3);
        byte[] anyByte = new byte[256];
        for (int i = 0; i < anyByte.length; i++) {
            anyByte[i] = (byte) i;
        }
        Path imagesFile = mutateLabels ? write(images, ".idx3") : mutated(images, seed, edits, anyByte, ".idx3");
        Path labelsFile = mutateLabels ? mutated(labels, seed, edits, anyByte, ".idx1") : write(labels, ".idx1");
        try {
            Path mutatedFile = mutateLabels ? labelsFile : imagesFile;
            checkOutcome(mutatedFile, () -> IdxReader.read(imagesFile.toString(), labelsFile.toString()));
        } finally {
            Files.deleteIfExists(imagesFile);
            Files.deleteIfExists(labelsFile);
        }
    }

    /** A parsed data set must be consistent; an error must name the mutated file. */
    private static void checkOutcome(Path file, Supplier<LabeledData> read) {
        try {
            LabeledData data = read.get();
            assertEquals(data.rows(), data.features().rows());
            for (double label : data.labels()) {
                assertTrue(Double.isFinite(label), "labels must be finite");
            }
        } catch (InvalidInputException e) {
            // The mutated file is named with a position (file:line, or file: for a header); a count that no longer
            // matches the other file's names both files, the other one first.
            assertTrue(e.getMessage().startsWith(file + ":") || e.getMessage().contains(" " + file + ":"),
                    "message must name " + file + ": " + e.getMessage());
            assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
        }
    }

    private static Path mutated(byte[] valid, long seed, int edits, byte[] alphabet, String suffix) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = valid.clone();
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length + 1);
            byte value = alphabet[random.nextInt(alphabet.length)];
            int kind = random.nextInt(3);
            out.reset();
            out.write(bytes, 0, Math.min(at, bytes.length));
            if (kind != 2) {
                out.write(value);
            }
            int resume = kind == 1 ? at : Math.min(at + 1, bytes.length);
            out.write(bytes, Math.min(resume, bytes.length), bytes.length - Math.min(resume, bytes.length));
            bytes = out.toByteArray();
            if (bytes.length == 0) {
                bytes = new byte[] {value};
            }
        }
        return write(bytes, suffix);
    }

    private static byte[] idx(int magic, int[] dimensions, int items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dimensions) {
                out.writeInt(d);
            }
            for (int i = 0; i < items; i++) {
                out.writeByte(i % 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path write(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("mutated", suffix);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
