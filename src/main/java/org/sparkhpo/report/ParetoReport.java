package org.sparkhpo.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.multiobjective.ModelSelector;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.multiobjective.ParetoFront;
import org.sparkhpo.trial.TrialResult;

/**
 * Writes {@code pareto.json}, the non-dominated trials of a run among its feasible COMPLETE trials, and
 * returns the front as a table for {@code summary.txt}:
 * <pre>
 * {
 *   "objectives" : [ {"key" : "val_accuracy", "direction" : "max"}, {"key" : "core_seconds", ...} ],
 *   "select" : "knee", "selected_trial" : 7,
 *   "front" : [ {"id" : 7, "round" : 0, "phase" : "grid", "state" : "COMPLETE", "params" : {...},
 *                "metrics" : {...}, "seed" : ..., "error" : null}, ... ]
 * }
 * </pre>
 * Front trials are listed best metric first (ties by id), each as in {@code trials.jsonl}.
 */
public final class ParetoReport {
    /** The file name in the run directory. */
    public static final String FILE_NAME = "pareto.json";

    private ParetoReport() {
    }

    /**
     * @param spec the objective (its axes and selection rule)
     * @param results every trial of the run
     * @param selected the trial {@code hpo.select} chose, if any
     * @return the JSON text of {@code pareto.json}, ending with a line break
     */
    public static String toJson(ObjectiveSpec spec, List<TrialResult> results, Optional<TrialResult> selected) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode axes = node.putArray("objectives");
        for (Criterion axis : spec.axes()) {
            axes.addObject().put("key", axis.key()).put("direction", axis.higherIsBetter() ? "max" : "min");
        }
        node.put("select", spec.select().configName());
        if (selected.isPresent()) {
            node.put("selected_trial", selected.get().id());
        } else {
            node.putNull("selected_trial");
        }
        ArrayNode front = node.putArray("front");
        try {
            for (TrialResult trial : front(spec, results)) {
                front.add(TrialJson.MAPPER.readTree(TrialJson.encode(trial)));
            }
            return TrialJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + FILE_NAME, e);
        }
    }

    /**
     * Writes {@code pareto.json} atomically into {@code directory}.
     *
     * @return the lines of the front table for {@code summary.txt}
     */
    public static List<String> write(RunDirectory directory, ObjectiveSpec spec, List<TrialResult> results,
                                     Optional<TrialResult> selected) {
        directory.writeAtomically(FILE_NAME, toJson(spec, results, selected));
        return lines(spec, results, selected);
    }

    /** @return the front table: one row per non-dominated trial, the selected one marked with '*' */
    public static List<String> lines(ObjectiveSpec spec, List<TrialResult> results, Optional<TrialResult> selected) {
        List<TrialResult> front = front(spec, results);
        List<String> header = new ArrayList<>(List.of("", "id"));
        spec.axes().forEach(a -> header.add(a.key()));
        header.add("params");
        TextTable table = new TextTable(header);
        for (TrialResult trial : front) {
            List<String> row = new ArrayList<>();
            row.add(selected.isPresent() && selected.get().id() == trial.id() ? "*" : "");
            row.add(Integer.toString(trial.id()));
            spec.axes().forEach(a -> row.add(String.format(Locale.ROOT, "%.4g", a.value(trial))));
            row.add(trial.configuration().toString());
            table.add(row);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "pareto front: %d non-dominated of %d trials (%s); * = selected by"
                + " hpo.select = %s", front.size(), results.size(), FILE_NAME, spec.select().configName()));
        table.render("  ").lines().forEach(lines::add);
        return lines;
    }

    private static List<TrialResult> front(ObjectiveSpec spec, List<TrialResult> results) {
        List<TrialResult> candidates = new ModelSelector(spec).candidates(results);
        return ParetoFront.of(candidates, spec.axes()).stream()
                .sorted(Comparator.<TrialResult>comparingDouble(r -> spec.metric().minimized(r))
                        .thenComparingInt(TrialResult::id))
                .toList();
    }
}
