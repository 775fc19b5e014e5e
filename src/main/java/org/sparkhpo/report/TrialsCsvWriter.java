package org.sparkhpo.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.sparkhpo.trial.TrialResult;

/**
 * Writes {@code trials.csv}: the journal flattened for spreadsheets, one row per trial in the given order.
 *
 * <p>Columns: {@code id,round,phase,state,seed}, then one per parameter, then one per metric, then
 * {@code error}. Parameter and metric columns are the union over all trials in first-seen order; a trial
 * without a value, and a NaN or infinite metric, leave the cell empty. A metric whose name is already taken by
 * a parameter or a fixed column (the {@code epochs} metric when {@code epochs} is tuned) is headed
 * {@code metric.<name>}, and a parameter named like a fixed column {@code param.<name>}, so that every header
 * is unique. Fields are quoted as RFC 4180 says: those holding a comma, a quote or a line break are put in
 * double quotes, with quotes doubled. Lines end with LF rather than RFC 4180's CRLF, so that line tools
 * ({@code cut}, {@code awk}) see no stray carriage return in the last column; spreadsheets and CSV libraries
 * accept either.
 */
public final class TrialsCsvWriter {
    /** The file name in the run directory. */
    public static final String FILE_NAME = "trials.csv";
    private static final List<String> LEADING = List.of("id", "round", "phase", "state", "seed");
    private static final String ERROR = "error";
    private static final String LINE_END = "\n";

    private TrialsCsvWriter() {
    }

    /** @return {@code results} as CSV text with a header line */
    public static String toCsv(List<TrialResult> results) {
        List<String> params = union(results, true);
        List<String> metrics = union(results, false);
        StringBuilder csv = new StringBuilder();
        csv.append(row(header(params, metrics))).append(LINE_END);
        for (TrialResult result : results) {
            csv.append(row(cells(result, params, metrics))).append(LINE_END);
        }
        return csv.toString();
    }

    /** Writes {@code trials.csv} of {@code results} atomically into {@code directory}. */
    public static void write(RunDirectory directory, List<TrialResult> results) {
        directory.writeAtomically(FILE_NAME, toCsv(results));
    }

    /** @return one field as RFC 4180 wants it: quoted, with quotes doubled, when it holds , " CR or LF */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    private static List<String> union(List<TrialResult> results, boolean parameters) {
        Set<String> names = new LinkedHashSet<>();
        for (TrialResult result : results) {
            names.addAll(parameters ? result.configuration().values().keySet() : result.metrics().keySet());
        }
        return new ArrayList<>(names);
    }

    private static List<String> header(List<String> params, List<String> metrics) {
        List<String> header = new ArrayList<>(LEADING);
        Set<String> taken = new LinkedHashSet<>(LEADING);
        taken.add(ERROR);
        for (String param : params) {
            header.add(taken.contains(param) ? "param." + param : param);
        }
        taken.addAll(params);
        for (String metric : metrics) {
            header.add(taken.contains(metric) ? "metric." + metric : metric);
        }
        header.add(ERROR);
        return header;
    }

    private static List<String> cells(TrialResult result, List<String> params, List<String> metrics) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(result.id()));
        cells.add(Integer.toString(result.round()));
        cells.add(result.phase());
        cells.add(result.state().name());
        cells.add(Long.toString(result.seed()));
        for (String param : params) {
            Object value = result.configuration().get(param);
            cells.add(value == null ? "" : value.toString());
        }
        for (String metric : metrics) {
            double value = result.metric(metric);
            cells.add(Double.isFinite(value) ? Double.toString(value) : "");
        }
        cells.add(result.error() == null ? "" : result.error());
        return cells;
    }

    private static String row(List<String> fields) {
        StringJoiner joiner = new StringJoiner(",");
        fields.forEach(field -> joiner.add(quote(field)));
        return joiner.toString();
    }
}
