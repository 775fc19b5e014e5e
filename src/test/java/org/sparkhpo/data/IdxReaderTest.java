package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX images file: header, then {@code pixels} (unsigned bytes given as ints 0..255). */
    static byte[] images(int magic, int count, int rows, int columns, int... pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(magic).putInt(count).putInt(rows).putInt(columns);
        for (int p : pixels) {
            buffer.put((byte) p);
        }
        return buffer.array();
    }

    /** An IDX labels file. */
    static byte[] labels(int magic, int count, int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(magic).putInt(count);
        for (int l : labels) {
            buffer.put((byte) l);
        }
        return buffer.array();
    }

    @Test
    void readsUnsignedPixelsRowMajor() {
        String img = TestFiles.writeBytes(dir, "x-images-idx3-ubyte",
                images(IdxReader.IMAGES_MAGIC, 2, 2, 3, 0, 1, 2, 3, 128, 255, 9, 8, 7, 6, 5, 4));
        String lab = TestFiles.writeBytes(dir, "x-labels-idx1-ubyte", labels(IdxReader.LABELS_MAGIC, 2, 7, 200));
        LabeledData data = IdxReader.read(img, lab);
        DenseFeatures features = (DenseFeatures) data.features();
        assertEquals(2, features.rows());
        assertEquals(6, features.columns());
        assertArrayEquals(new double[] {0, 1, 2, 3, 128, 255, 9, 8, 7, 6, 5, 4}, features.values());
        assertArrayEquals(new double[] {7, 200}, data.labels());
    }

    @Test
    void readsGzippedFiles() {
        String img = TestFiles.writeBytes(dir, "g-images-idx3-ubyte.gz", images(IdxReader.IMAGES_MAGIC, 1, 1, 2, 3, 4));
        String lab = TestFiles.writeBytes(dir, "g-labels-idx1-ubyte.gz", labels(IdxReader.LABELS_MAGIC, 1, 5));
        LabeledData data = IdxReader.read(img, lab);
        assertArrayEquals(new double[] {3, 4}, ((DenseFeatures) data.features()).values());
        assertArrayEquals(new double[] {5}, data.labels());
    }

    @Test
    void readsTheEmbeddedSubsetBalanced() {
        LabeledData data = IdxReader.read(TestFiles.EMBEDDED + "train-images-idx3-ubyte.gz",
                TestFiles.EMBEDDED + "train-labels-idx1-ubyte.gz");
        assertEquals(10_000, data.rows());
        assertEquals(784, data.features().columns());
        int[] perClass = new int[10];
        for (double label : data.labels()) {
            perClass[(int) label]++;
        }
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass);
        double[] pixels = ((DenseFeatures) data.features()).values();
        assertEquals(0.0, Arrays.stream(pixels).min().orElseThrow());
        assertEquals(255.0, Arrays.stream(pixels).max().orElseThrow());
    }

    @Test
    void readsTheEmbeddedTestSet() {
        String images = TestFiles.EMBEDDED + "t10k-images-idx3-ubyte.gz";
        LabeledData data = IdxReader.read(images, IdxReader.labelsLocationFor(images));
        assertEquals(2_000, data.rows());
        assertEquals(784, data.features().columns());
    }

    @Test
    void labelsLocationIsDerivedFromTheImagesName() {
        assertEquals("hdfs://nn/d/train-labels-idx1-ubyte.gz",
                IdxReader.labelsLocationFor("hdfs://nn/d/train-images-idx3-ubyte.gz"));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> IdxReader.labelsLocationFor("pixels.idx"));
        assertTrue(e.getMessage().startsWith("pixels.idx: cannot derive the IDX labels file"), e.getMessage());
    }

    @Test
    void badImagesMagicIsNamed() {
        String img = TestFiles.writeBytes(dir, "bad-images", images(IdxReader.LABELS_MAGIC, 1, 1, 1, 0));
        String lab = TestFiles.writeBytes(dir, "ok-labels", labels(IdxReader.LABELS_MAGIC, 1, 0));
        assertMessage(img, lab, img + ": magic number 0x00000801, expected 0x00000803 (IDX images)");
    }

    @Test
    void badLabelsMagicIsNamed() {
        String img = TestFiles.writeBytes(dir, "ok-images", images(IdxReader.IMAGES_MAGIC, 1, 1, 1, 0));
        String lab = TestFiles.writeBytes(dir, "bad-labels", labels(0x00000803, 1, 0));
        assertMessage(img, lab, lab + ": magic number 0x00000803, expected 0x00000801 (IDX labels)");
    }

    @Test
    void differentCountsAreNamed() {
        String img = TestFiles.writeBytes(dir, "two-images", images(IdxReader.IMAGES_MAGIC, 2, 1, 1, 0, 1));
        String lab = TestFiles.writeBytes(dir, "three-labels", labels(IdxReader.LABELS_MAGIC, 3, 0, 1, 2));
        assertMessage(img, lab, img + ": 2 images, but " + lab + ": 3 labels; the counts must be equal");
    }

    @Test
    void truncatedImagesAreNamed() {
        String img = TestFiles.writeBytes(dir, "short-images.gz", images(IdxReader.IMAGES_MAGIC, 2, 2, 2, 1, 2, 3));
        String lab = TestFiles.writeBytes(dir, "labels", labels(IdxReader.LABELS_MAGIC, 2, 0, 1));
        assertMessage(img, lab, img + ": file is truncated: it ends before the number of items its header announces");
    }

    @Test
    void truncatedLabelsAreNamed() {
        String img = TestFiles.writeBytes(dir, "images", images(IdxReader.IMAGES_MAGIC, 2, 1, 1, 1, 2));
        String lab = TestFiles.writeBytes(dir, "short-labels", labels(IdxReader.LABELS_MAGIC, 2, 0));
        assertMessage(img, lab, lab + ": file is truncated: it ends before the number of items its header announces");
    }

    @Test
    void truncatedHeaderIsNamed() {
        String img = TestFiles.writeBytes(dir, "stub-images", new byte[] {0, 0, 8, 3, 0, 0});
        String lab = TestFiles.writeBytes(dir, "labels", labels(IdxReader.LABELS_MAGIC, 1, 0));
        assertMessage(img, lab, img + ": file is truncated: it ends before the number of items its header announces");
    }

    private static void assertMessage(String images, String labels, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(images, labels));
        assertEquals(expected, e.getMessage());
    }
}
