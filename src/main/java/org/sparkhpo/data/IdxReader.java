package org.sparkhpo.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.sparkhpo.common.InvalidInputException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: an images file of unsigned bytes in three dimensions
 * (magic number {@code 0x00000803}, then count, rows, columns as big-endian ints, then the pixels) and a
 * labels file (magic {@code 0x00000801}, count, then one unsigned byte per image). Either file may be
 * gzipped ({@code .gz}). Pixels become doubles 0..255 in a dense n x (rows * columns) matrix; labels are
 * returned as written.
 *
 * <p>Rules: both magic numbers must match, the two counts must be equal, and each file must hold all the
 * bytes its header announces; every error is an {@link InvalidInputException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final String IMAGES_MARK = "images-idx3";
    private static final String LABELS_MARK = "labels-idx1";

    private IdxReader() {
    }

    /**
     * Derives the labels file from the images file by the MNIST naming convention, for example
     * {@code train-images-idx3-ubyte.gz} gives {@code train-labels-idx1-ubyte.gz}.
     *
     * @param imagesLocation the images path or URI
     * @return the labels path or URI, with the last {@code images-idx3} replaced by {@code labels-idx1}
     * @throws InvalidInputException when the name does not contain {@code images-idx3}
     */
    public static String labelsLocationFor(String imagesLocation) {
        int at = imagesLocation.lastIndexOf(IMAGES_MARK);
        if (at < 0) {
            throw new InvalidInputException(imagesLocation + ": cannot derive the IDX labels file: the name does "
                    + "not contain '" + IMAGES_MARK + "'; give the labels file explicitly");
        }
        return imagesLocation.substring(0, at) + LABELS_MARK + imagesLocation.substring(at + IMAGES_MARK.length());
    }

    /**
     * Reads an images file and its labels file.
     *
     * @param imagesLocation path or URI of the images ({@code idx3}, unsigned bytes)
     * @param labelsLocation path or URI of the labels ({@code idx1}, unsigned bytes)
     * @return dense pixel features (0..255) and raw labels
     * @throws InvalidInputException when a file is missing, empty, has a wrong magic number or is truncated,
     *     or when the counts differ
     */
    public static LabeledData read(String imagesLocation, String labelsLocation) {
        double[] labels = readLabels(labelsLocation);
        try (DataInputStream in = new DataInputStream(DataFiles.open(imagesLocation))) {
            int[] header = readHeader(in, imagesLocation, IMAGES_MAGIC, 3);
            int count = header[0];
            if (count != labels.length) {
                throw new InvalidInputException(imagesLocation + ": " + count + " images, but " + labelsLocation
                        + ": " + labels.length + " labels; the counts must be equal");
            }
            long pixelsPerImage = (long) header[1] * header[2];
            if (pixelsPerImage * count > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException(imagesLocation + ": " + count + " images of " + header[1] + " x "
                        + header[2] + " pixels do not fit in one array");
            }
            double[] pixels = readUnsignedBytes(in, (int) (pixelsPerImage * count));
            return new LabeledData(new DenseFeatures(pixels, count, (int) pixelsPerImage), labels);
        } catch (EOFException e) {
            throw truncated(imagesLocation, e);
        } catch (IOException e) {
            throw DataFiles.cannotRead(imagesLocation, e);
        }
    }

    private static double[] readLabels(String location) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(location))) {
            int count = readHeader(in, location, LABELS_MAGIC, 1)[0];
            return readUnsignedBytes(in, count);
        } catch (EOFException e) {
            throw truncated(location, e);
        } catch (IOException e) {
            throw DataFiles.cannotRead(location, e);
        }
    }

    /** Reads and checks the magic number, then returns the {@code dimensions} sizes that follow it. */
    private static int[] readHeader(DataInputStream in, String location, int expectedMagic, int dimensions)
            throws IOException {
        int magic = in.readInt();
        if (magic != expectedMagic) {
            throw new InvalidInputException(String.format("%s: magic number 0x%08x, expected 0x%08x (IDX %s)",
                    location, magic, expectedMagic, expectedMagic == IMAGES_MAGIC ? "images" : "labels"));
        }
        int[] sizes = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            sizes[i] = in.readInt();
            if (sizes[i] <= 0) {
                throw new InvalidInputException(location + ": dimension " + (i + 1) + " of the header is "
                        + sizes[i] + "; it must be > 0");
            }
        }
        return sizes;
    }

    /**
     * Reads {@code count} unsigned bytes in buffer-sized chunks. The bytes are collected in a buffer that grows
     * with what the file actually holds, and converted once all are there: a corrupt header announcing
     * billions of items then ends in "truncated" instead of allocating the announced size up front.
     */
    private static double[] readUnsignedBytes(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[Math.min(count, DataFiles.BUFFER_BYTES)];
        int done = 0;
        while (done < count) {
            if (done == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(count, 2L * bytes.length));
            }
            int read = in.read(bytes, done, Math.min(bytes.length, count) - done);
            if (read < 0) {
                throw new EOFException("expected " + count + " bytes, found " + done);
            }
            done += read;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    private static InvalidInputException truncated(String location, EOFException cause) {
        return new InvalidInputException(location + ": file is truncated: it ends before the "
                + "number of items its header announces", cause);
    }
}
