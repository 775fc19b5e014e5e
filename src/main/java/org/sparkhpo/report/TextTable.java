package org.sparkhpo.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns are padded to their widest cell, for {@code summary.txt}. */
final class TextTable {
    private static final String GAP = "  ";
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column names, which fix the number of columns */
    TextTable(List<String> header) {
        rows.add(List.copyOf(header));
    }

    /** Appends a row with one cell per column. */
    void add(List<String> cells) {
        if (cells.size() != rows.get(0).size()) {
            throw new IllegalArgumentException("table row: " + cells.size() + " cells, must be "
                    + rows.get(0).size());
        }
        rows.add(List.copyOf(cells));
    }

    /** @return the table, each line starting with {@code indent} and ending with '\n', without trailing blanks */
    String render(String indent) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell).append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
