package org.sparkhpo.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Writes {@code summary.txt}, the run described for a person: run id, strategy, trial counts by state, the
 * best trial with its parameters and metrics, the top trials by objective, the failed trials with their
 * errors, the wall time, then the caller's extra lines. Numbers are shown with six significant digits;
 * the exact values are in {@code trials.jsonl} and {@code best.json}.
 */
public final class SummaryWriter {
    /** The file name in the run directory. */
    public static final String FILE_NAME = "summary.txt";
    /** How many trials the top table lists. */
    static final int TOP = 5;
    /** How many failed trials are listed with their errors. */
    static final int FAILED_LISTED = 10;
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private SummaryWriter() {
    }

    /** @return the summary text, ending with a line break */
    public static String summarize(SummaryInput input) {
        StringBuilder text = new StringBuilder();
        text.append(line("run", input.runId()));
        text.append(line("strategy", input.strategy()));
        text.append(line("objective", input.objectiveKey()
                + (input.higherIsBetter() ? " (higher is better)" : " (lower is better)")));
        text.append(line("trials", counts(input.trials())));
        text.append('\n').append(best(input.best()));
        text.append('\n').append(top(input));
        text.append(failed(input.trials()));
        text.append('\n').append(line("wall time", format(input.wallSeconds()) + " s"));
        input.extraLines().forEach(extra -> text.append(extra).append('\n'));
        return text.toString();
    }

    /** Writes {@code summary.txt} of {@code input} atomically into {@code directory}. */
    public static void write(RunDirectory directory, SummaryInput input) {
        directory.writeAtomically(FILE_NAME, summarize(input));
    }

    /** @return {@code value} with six significant digits, integers without a fraction, NaN as "-" */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toString();
    }

    private static String counts(List<TrialResult> trials) {
        Map<TrialState, Integer> byState = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            byState.put(state, 0);
        }
        trials.forEach(trial -> byState.merge(trial.state(), 1, Integer::sum));
        StringJoiner joiner = new StringJoiner(", ", trials.size() + ": ", "");
        byState.forEach((state, count) -> joiner.add(count + " " + state.name().toLowerCase(Locale.ROOT)));
        return joiner.toString();
    }

    private static String best(BestRecord best) {
        if (best == null) {
            return line("best trial", "none (every trial failed)");
        }
        return line("best trial", Integer.toString(best.trialId()))
                + line("  params", params(best.params()))
                + line("  validation", metrics(best.validation()))
                + line("  test", best.test().isEmpty() ? "(no test data)" : metrics(best.test()));
    }

    private static String top(SummaryInput input) {
        String objective = input.objectiveKey();
        Comparator<TrialResult> byObjective = Comparator.comparingDouble(trial -> trial.metric(objective));
        List<TrialResult> ranked = input.trials().stream()
                .filter(trial -> trial.state() != TrialState.FAILED && !Double.isNaN(trial.metric(objective)))
                .sorted(input.higherIsBetter() ? byObjective.reversed() : byObjective)
                .limit(TOP)
                .toList();
        if (ranked.isEmpty()) {
            return "top trials by " + objective + ": none\n";
        }
        TextTable table = new TextTable(List.of("id", "state", objective, MetricKeys.EPOCHS, MetricKeys.TRAIN_SECONDS, "params"));
        for (TrialResult trial : ranked) {
            table.add(List.of(Integer.toString(trial.id()), trial.state().name(), format(trial.metric(objective)),
                    format(trial.metric(MetricKeys.EPOCHS)), format(trial.metric(MetricKeys.TRAIN_SECONDS)),
                    params(trial.configuration())));
        }
        return "top " + ranked.size() + " by " + objective + "\n" + table.render("  ");
    }

    private static String failed(List<TrialResult> trials) {
        List<TrialResult> failed = trials.stream().filter(trial -> trial.state() == TrialState.FAILED).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nfailed trials (" + failed.size() + ")\n");
        failed.stream().limit(FAILED_LISTED).forEach(trial ->
                text.append("  ").append(trial.id()).append(": ").append(oneLine(trial.error())).append('\n'));
        if (failed.size() > FAILED_LISTED) {
            text.append("  ... and ").append(failed.size() - FAILED_LISTED).append(" more in ")
                    .append(TrialJournal.FILE_NAME).append('\n');
        }
        return text.toString();
    }

    private static String params(Configuration configuration) {
        StringJoiner joiner = new StringJoiner(", ");
        configuration.values().forEach((name, value) ->
                joiner.add(name + "=" + (value instanceof Double d ? format(d) : value)));
        return joiner.length() == 0 ? "(defaults)" : joiner.toString();
    }

    private static String metrics(Map<String, Double> metrics) {
        StringJoiner joiner = new StringJoiner(", ");
        metrics.forEach((name, value) -> joiner.add(name + "=" + format(value == null ? Double.NaN : value)));
        return joiner.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-14s%s\n", label, value);
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
