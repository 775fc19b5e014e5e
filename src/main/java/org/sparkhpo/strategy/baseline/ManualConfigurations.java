package org.sparkhpo.strategy.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Tunable;

/**
 * Reads the configurations of the manual strategy: from the configuration file ({@code hpo.search.manual}, a
 * list of objects such as {@code { learning-rate = 0.1, momentum = 0.9 }}) or from a CSV file
 * ({@code hpo.search.manual-file}: a header of tunable names, then one configuration a line; an empty cell
 * leaves that tunable at its {@code hpo.training} value). Every key must be a tunable and every value valid for
 * it ({@link Tunable#check}); integer tunables take whole numbers, {@code nesterov} {@code true}/{@code false},
 * {@code schedule} a schedule name. A bad entry fails with {@link InvalidInputException} naming the entry (list
 * index, or file and line), the key, the value and the rule.
 */
public final class ManualConfigurations {
    private ManualConfigurations() {
    }

    /**
     * @param entries the list's entries, each a map of key to value (as Typesafe Config unwraps them)
     * @param key the configuration key the list came from, for messages
     * @return the configurations, in order
     */
    public static List<Configuration> fromEntries(List<?> entries, String key) {
        List<Configuration> configurations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = key + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> map)) {
                throw InvalidInputException.forKey(where, entries.get(i), "must be an object such as"
                        + " { learning-rate = 0.1, momentum = 0.9 }");
            }
            Configuration configuration = Configuration.empty();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                configuration = configuration.with(name, checked(where + "." + name, name, entry.getValue()));
            }
            configurations.add(configuration);
        }
        return configurations;
    }

    /**
     * @param file a local CSV file
     * @return the configurations, one per data line, in order
     */
    public static List<Configuration> fromCsv(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the manual configurations (" + e.getMessage()
                    + ")", e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw InvalidInputException.forLine(file, 1, "missing header line of tunable names");
        }
        String[] header = cells(lines.get(0).replace("\uFEFF", ""));
        for (String name : header) {
            tunable(file + ":1: column '" + name + "'", name);
        }
        List<Configuration> configurations = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            configurations.add(csvLine(file, line + 1, header, cells(lines.get(line))));
        }
        return configurations;
    }

    private static Configuration csvLine(String file, int lineNumber, String[] header, String[] cells) {
        if (cells.length > header.length) {
            throw InvalidInputException.forLine(file, lineNumber, cells.length + " cells but the header names "
                    + header.length + " tunables");
        }
        Configuration configuration = Configuration.empty();
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                String where = file + ":" + lineNumber + ": " + header[c];
                configuration = configuration.with(header[c], checked(where, header[c], parse(cells[c])));
            }
        }
        return configuration;
    }

    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    private static Object parse(String cell) {
        String lower = cell.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        try {
            return Double.valueOf(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static Tunable tunable(String where, String name) {
        return Tunable.byKey(name).orElseThrow(() -> new InvalidInputException(where + ": '" + name
                + "' is not a tunable; tunables are " + Tunable.keys()));
    }

    /** Checks a value against its tunable and normalizes its type (Integer, Double, Boolean or String). */
    private static Object checked(String where, String name, Object value) {
        Tunable tunable = tunable(where, name);
        try {
            tunable.check(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage().substring(name.length() + 2), e);
        }
        return switch (tunable.kind()) {
            case INTEGER -> ((Number) value).intValue();
            case REAL -> ((Number) value).doubleValue();
            case NAME -> ((String) value).toLowerCase(Locale.ROOT);
            case BOOLEAN -> value;
        };
    }
}
