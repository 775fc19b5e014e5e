package org.sparkhpo.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.common.InvalidInputException;

/**
 * Reads comma-separated text with a header line into dense features and raw labels. The label column is
 * chosen by name; every other column is a feature, in header order.
 *
 * <p>Rules: the first line is the header (a UTF-8 byte-order mark before it is ignored; header names may be
 * wrapped in double quotes). Lines may end in LF or CRLF; blank lines are skipped. Every data line has as
 * many fields as the header; fields are trimmed numbers (quoted fields with embedded commas are not
 * supported). Features must be finite; the label must not be empty. Every error is an
 * {@link InvalidInputException} naming the file, the line (1-based, the header is line 1), the column and the
 * value where they apply.
 */
public final class CsvReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvReader() {
    }

    /**
     * Reads a whole CSV file.
     *
     * @param location a path or URI, gunzipped when it ends in {@code .gz}
     * @param labelColumn the header name of the label column
     * @return dense features (all columns but the label, in header order) and raw labels
     * @throws InvalidInputException when the file is missing, empty or malformed
     */
    public static LabeledData read(String location, String labelColumn) {
        try (BufferedReader reader = DataFiles.openText(location)) {
            List<String> header = readHeader(location, reader);
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new InvalidInputException(location + ": label column '" + labelColumn
                        + "' is not in the header (" + String.join(", ", header) + ")");
            }
            if (header.size() < 2) {
                throw new InvalidInputException(location + ": no feature columns besides the label '"
                        + labelColumn + "'");
            }
            RowParser rows = new RowParser(location, header, labelIndex);
            long lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                rows.parseLine(line, lineNumber);
            }
            return rows.build();
        } catch (IOException e) {
            throw DataFiles.cannotRead(location, e);
        }
    }

    private static List<String> readHeader(String location, BufferedReader reader) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new InvalidInputException(location + ": file is empty");
        }
        if (!line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        if (line.isBlank()) {
            throw InvalidInputException.forLine(location, 1, "the header line is blank");
        }
        return parseHeader(line);
    }

    private static List<String> parseHeader(String line) {
        List<String> names = new ArrayList<>();
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            int end = comma < 0 ? line.length() : comma;
            names.add(unquote(line.substring(from, end).trim()));
            if (comma < 0) {
                return names;
            }
            from = comma + 1;
        }
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** Accumulates row-major values line by line; one per file read. */
    private static final class RowParser {
        private final String location;
        private final List<String> header;
        private final int labelIndex;
        private final DoubleList labels = new DoubleList(1024);
        private final DoubleList values = new DoubleList(1 << 16);
        private long lineNumber;

        RowParser(String location, List<String> header, int labelIndex) {
            this.location = location;
            this.header = header;
            this.labelIndex = labelIndex;
        }

        void parseLine(String line, long number) {
            lineNumber = number;
            if (line.isBlank()) {
                return;
            }
            int found = countFields(line);
            if (found != header.size()) {
                throw error("expected " + header.size() + " fields, found " + found);
            }
            int from = 0;
            for (int field = 0; field < found; field++) {
                int comma = line.indexOf(',', from);
                int end = comma < 0 ? line.length() : comma;
                String token = line.substring(from, end).trim();
                if (field == labelIndex) {
                    labels.add(parseLabel(token));
                } else {
                    values.add(parseFeature(field, token));
                }
                from = end + 1;
            }
        }

        private double parseLabel(String token) {
            if (token.isEmpty()) {
                throw error("empty label in column '" + header.get(labelIndex) + "'");
            }
            return parseNumber(labelIndex, token);
        }

        private double parseFeature(int field, String token) {
            double value = parseNumber(field, token);
            if (!Double.isFinite(value)) {
                throw error("column '" + header.get(field) + "': " + token + " is not finite");
            }
            return value;
        }

        private double parseNumber(int field, String token) {
            try {
                return Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw error("column '" + header.get(field) + "': '" + token + "' is not a number");
            }
        }

        LabeledData build() {
            if (labels.size() == 0) {
                throw new InvalidInputException(location + ": no data rows after the header");
            }
            int rows = labels.size();
            return new LabeledData(new DenseFeatures(values.toArray(), rows, header.size() - 1), labels.toArray());
        }

        private InvalidInputException error(String problem) {
            return InvalidInputException.forLine(location, lineNumber, problem);
        }

        private static int countFields(String line) {
            int fields = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    fields++;
                }
            }
            return fields;
        }
    }
}
