package org.sparkhpo.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * The successive-halving / Hyperband part of {@code summary.txt} ({@link SummaryInput#extraLines()}): the
 * trials of each rung (in the order rungs ran) with their epoch budget and how they ended, then the epochs
 * trained against two references: the same rungs without resumption (every rung evaluation from epoch 0),
 * and a full grid, every distinct configuration tried trained to max-epochs.
 */
public final class RungReport {
    private RungReport() {
    }

    /**
     * @param results every result of a bandit run (rung evaluations carry {@code budget_epochs} and
     *     {@code epochs_trained})
     * @param maxEpochs the largest budget
     * @return the summary lines
     */
    public static List<String> lines(List<TrialResult> results, int maxEpochs) {
        Map<String, List<TrialResult>> byRung = new LinkedHashMap<>();
        results.stream().sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .forEach(r -> byRung.computeIfAbsent(r.phase(), p -> new ArrayList<>()).add(r));
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("configurations tried per rung");
        byRung.forEach((phase, rung) -> lines.add(rungLine(phase, rung)));
        long trained = Math.round(results.stream().mapToDouble(r -> orZero(r.metric(MetricKeys.EPOCHS_TRAINED))).sum());
        long fromScratch = Math.round(results.stream().mapToDouble(r -> orZero(r.metric(MetricKeys.EPOCHS))).sum());
        long configurations = results.stream().map(TrialResult::configuration).distinct().count();
        long grid = configurations * maxEpochs;
        lines.add(String.format(Locale.ROOT, "epochs trained: %d (without resuming checkpoints: %d); a full grid"
                + " of the %d configurations at %d epochs: %d; ratio %.3f", trained, fromScratch, configurations,
                maxEpochs, grid, grid == 0 ? Double.NaN : trained / (double) grid));
        return lines;
    }

    private static String rungLine(String phase, List<TrialResult> rung) {
        Map<TrialState, Integer> states = new EnumMap<>(TrialState.class);
        rung.forEach(r -> states.merge(r.state(), 1, Integer::sum));
        double budget = rung.get(0).metric(MetricKeys.BUDGET_EPOCHS);
        return String.format(Locale.ROOT, "  %-22s %3d trials to %s epochs: %d complete, %d pruned, %d failed",
                phase, rung.size(), SummaryWriter.format(budget), states.getOrDefault(TrialState.COMPLETE, 0),
                states.getOrDefault(TrialState.PRUNED, 0), states.getOrDefault(TrialState.FAILED, 0));
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0.0 : value;
    }
}
