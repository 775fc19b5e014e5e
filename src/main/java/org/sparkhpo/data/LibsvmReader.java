package org.sparkhpo.data;

import java.io.BufferedReader;
import java.io.IOException;
import org.sparkhpo.common.InvalidInputException;

/**
 * Reads LIBSVM text files ({@code label index:value index:value ...}) into sparse CSR features with the labels
 * as written in the file.
 *
 * <p>Rules: indices are 1-based in the file and become 0-based columns; they must increase within a row.
 * Blank lines and lines starting with {@code #} are skipped, and a token starting with {@code #} ends the
 * line (trailing comment). Every value must be a finite number. With {@code numFeatures > 0} an index above
 * it is an error; with {@code numFeatures == 0} the number of columns is the largest index seen. Every
 * error is an {@link InvalidInputException} naming {@code file:line} (1-based) and the offending token.
 */
public final class LibsvmReader {
    private LibsvmReader() {
    }

    /**
     * Reads a whole LIBSVM file.
     *
     * @param location a path or URI, gunzipped when it ends in {@code .gz}
     * @param numFeatures the number of features, or 0 to use the largest index in the file
     * @return sparse features and raw labels, one row per data line
     * @throws InvalidInputException when the file is missing, empty, has no data lines, or a line is malformed
     */
    public static LabeledData read(String location, int numFeatures) {
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures " + numFeatures + " must be >= 0");
        }
        RowBuilder rows = new RowBuilder(location, numFeatures);
        try (BufferedReader reader = DataFiles.openText(location)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                rows.parseLine(line, lineNumber);
            }
        } catch (IOException e) {
            throw DataFiles.cannotRead(location, e);
        }
        return rows.build();
    }

    /** Accumulates CSR arrays line by line; one per file read. */
    private static final class RowBuilder {
        private final String location;
        private final int numFeatures;
        private final DoubleList labels = new DoubleList(1024);
        private final IntList rowStart = new IntList(1024);
        private final IntList columns = new IntList(1 << 16);
        private final DoubleList values = new DoubleList(1 << 16);
        private int largestIndex;
        private long lineNumber;

        RowBuilder(String location, int numFeatures) {
            this.location = location;
            this.numFeatures = numFeatures;
            rowStart.add(0);
        }

        void parseLine(String line, long number) {
            lineNumber = number;
            int start = skipBlanks(line, 0);
            if (start == line.length() || line.charAt(start) == '#') {
                return;
            }
            int end = tokenEnd(line, start);
            labels.add(parseLabel(line.substring(start, end)));
            int previousIndex = 0;
            for (start = skipBlanks(line, end); start < line.length(); start = skipBlanks(line, end)) {
                end = tokenEnd(line, start);
                if (line.charAt(start) == '#') {
                    break;
                }
                previousIndex = parseFeature(line, start, end, previousIndex);
            }
            rowStart.add(columns.size());
        }

        private double parseLabel(String token) {
            if (token.indexOf(':') >= 0) {
                throw error("missing label: the line starts with feature '" + token + "'");
            }
            try {
                return Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw error("label '" + token + "' is not a number");
            }
        }

        /** Parses {@code index:value} at line[start, end) and returns the 1-based index. */
        private int parseFeature(String line, int start, int end, int previousIndex) {
            int colon = line.indexOf(':', start);
            if (colon < 0 || colon >= end) {
                throw error("'" + line.substring(start, end) + "' is not index:value");
            }
            int index = parseIndex(line.substring(start, colon));
            checkIndex(index, previousIndex);
            String valueToken = line.substring(colon + 1, end);
            double value;
            try {
                value = Double.parseDouble(valueToken);
            } catch (NumberFormatException e) {
                throw error("value '" + valueToken + "' of feature " + index + " is not a number");
            }
            if (!Double.isFinite(value)) {
                throw error("value " + valueToken + " of feature " + index + " is not finite");
            }
            columns.add(index - 1);
            values.add(value);
            largestIndex = Math.max(largestIndex, index);
            return index;
        }

        /** Decimal digits only (no sign, no exponent), without a regex or exception on the fast path. */
        private int parseIndex(String token) {
            long index = 0;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c < '0' || c > '9' || index > Integer.MAX_VALUE) {
                    throw error("feature index '" + token + "' is not a number");
                }
                index = index * 10 + (c - '0');
            }
            if (token.isEmpty() || index > Integer.MAX_VALUE) {
                throw error("feature index '" + token + "' is not a number");
            }
            return (int) index;
        }

        private void checkIndex(int index, int previousIndex) {
            if (index == 0) {
                throw error("feature index 0: LIBSVM indices start at 1");
            }
            if (index <= previousIndex) {
                throw error("feature index " + index + " follows " + previousIndex
                        + ": indices must increase within a row");
            }
            if (numFeatures > 0 && index > numFeatures) {
                throw error("feature index " + index + " is larger than the number of features ("
                        + numFeatures + ")");
            }
        }

        LabeledData build() {
            if (labels.size() == 0) {
                throw new InvalidInputException(location + ": no data rows");
            }
            int width = numFeatures > 0 ? numFeatures : largestIndex;
            SparseFeatures features =
                    new SparseFeatures(rowStart.toArray(), columns.toArray(), values.toArray(), width);
            return new LabeledData(features, labels.toArray());
        }

        private InvalidInputException error(String problem) {
            return InvalidInputException.forLine(location, lineNumber, problem);
        }

        private static int skipBlanks(String line, int from) {
            int i = from;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }

        private static int tokenEnd(String line, int from) {
            int i = from;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
