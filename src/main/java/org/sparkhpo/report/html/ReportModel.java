package org.sparkhpo.report.html;

import static org.sparkhpo.report.html.JsonNumbers.addNumber;
import static org.sparkhpo.report.html.JsonNumbers.putNumber;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * The data of one run's report as the JSON object the page embeds and draws from:
 * <pre>
 * {"run":{"id","strategy","status","objective","higher_is_better","bandit","previous_run"},
 *  "params":[{"name","kind":"linear|log|category","categories":[...]}],
 *  "trials":[{"index","id","round","phase","state","params":{...},"objective","seconds","best_so_far",
 *             "curve":[...],"rung","budget","resumed_from","error","objectives":{...}}],
 *  "importance":{"method","trials","values":[{"name","share"}]},
 *  "failed":[{"id","phase","error"}], "settings":[[key,value],...],
 *  "pareto":{"objectives":[...],"front":[ids]}}      (only with two or more objectives)
 * </pre>
 * Every number that is NaN or infinite becomes {@code null}, which the page skips, so a journal with NaN
 * metrics, failed trials without metrics, a single trial or a parameter of one value still draws. A trial's
 * {@code best_so_far} is the best objective of the COMPLETE trials recorded up to it ({@code null} before the
 * first), as {@link org.sparkhpo.trial.BestTrial} chooses the best.
 */
public final class ReportModel {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportModel() {
    }

    /** @return the report data of {@code input} */
    public static ObjectNode of(ReportInput input) {
        ObjectNode root = NODES.objectNode();
        root.set("run", run(input));
        ArrayNode params = root.putArray("params");
        for (ParameterAxis axis : input.axes()) {
            ObjectNode node = params.addObject();
            node.put("name", axis.name());
            node.put("kind", axis.kind().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode categories = node.putArray("categories");
            axis.categories().forEach(categories::add);
        }
        root.set("trials", trials(input));
        root.set("importance", importance(input));
        ArrayNode failed = root.putArray("failed");
        input.trials().stream().filter(t -> t.state() == TrialState.FAILED).forEach(t -> failed.addObject()
                .put("id", t.id()).put("phase", t.phase()).put("error", t.error()));
        ArrayNode settings = root.putArray("settings");
        input.settings().forEach((key, value) -> settings.addArray().add(key).add(value));
        if (input.objectives().size() >= 2) {
            ObjectNode pareto = root.putObject("pareto");
            ArrayNode objectives = pareto.putArray("objectives");
            input.objectives().forEach(o -> objectives.addObject().put("key", o.key())
                    .put("higher_is_better", o.higherIsBetter()));
            ArrayNode front = pareto.putArray("front");
            ParetoFront.of(input.trials(), input.objectives()).forEach(front::add);
        }
        return root;
    }

    private static ObjectNode run(ReportInput input) {
        ObjectNode run = NODES.objectNode();
        run.put("id", input.runId());
        run.put("strategy", input.strategy());
        run.put("status", input.status());
        run.put("objective", input.objective().key());
        run.put("higher_is_better", input.objective().higherIsBetter());
        run.put("bandit", input.trials().stream().anyMatch(t -> t.metrics().containsKey(MetricKeys.RUNG)));
        run.put("previous_run", input.previousRunId());
        return run;
    }

    private static ArrayNode trials(ReportInput input) {
        ArrayNode trials = NODES.arrayNode();
        ObjectiveAxis objective = input.objective();
        double best = Double.NaN;
        int index = 0;
        for (TrialResult trial : input.trials()) {
            double value = trial.metric(objective.key());
            if (trial.state() == TrialState.COMPLETE && Double.isFinite(value) && (Double.isNaN(best)
                    || (objective.higherIsBetter() ? value > best : value < best))) {
                best = value;
            }
            ObjectNode node = trials.addObject();
            node.put("index", ++index);
            node.put("id", trial.id());
            node.put("round", trial.round());
            node.put("phase", trial.phase());
            node.put("state", trial.state().name());
            node.set("params", paramsNode(trial));
            putNumber(node, "objective", value);
            putNumber(node, "seconds", input.finishedSeconds().getOrDefault(trial.id(), Double.NaN));
            putNumber(node, "best_so_far", best);
            ArrayNode curve = node.putArray("curve");
            trial.curve().forEach(v -> addNumber(curve, v));
            putNumber(node, "rung", trial.metric(MetricKeys.RUNG));
            putNumber(node, "budget", trial.metric(MetricKeys.BUDGET_EPOCHS));
            putNumber(node, "resumed_from", trial.metric(MetricKeys.RESUMED_FROM_TRIAL));
            node.put("error", trial.error());
            if (input.objectives().size() >= 2) {
                ObjectNode values = node.putObject("objectives");
                input.objectives().forEach(o -> putNumber(values, o.key(), trial.metric(o.key())));
            }
        }
        return trials;
    }

    private static ObjectNode paramsNode(TrialResult trial) {
        ObjectNode params = NODES.objectNode();
        trial.configuration().values().forEach((name, value) -> {
            if (value instanceof Number number) {
                putNumber(params, name, number.doubleValue());
            } else {
                params.put(name, String.valueOf(value));
            }
        });
        return params;
    }

    /** The importance of each parameter among COMPLETE trials with a finite objective. */
    private static ObjectNode importance(ReportInput input) {
        String key = input.objective().key();
        List<TrialResult> usable = input.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && Double.isFinite(t.metric(key))).toList();
        List<ParameterAxis> axes = input.axes();
        double[][] x = new double[usable.size()][axes.size()];
        double[] y = new double[usable.size()];
        for (int i = 0; i < usable.size(); i++) {
            Map<String, Object> values = usable.get(i).configuration().values();
            for (int j = 0; j < axes.size(); j++) {
                x[i][j] = axes.get(j).encode(values.get(axes.get(j).name()));
            }
            y[i] = usable.get(i).metric(key);
        }
        double[] shares = PermutationImportance.of(x, y, axes.size());
        ObjectNode node = NODES.objectNode();
        node.put("method", PermutationImportance.METHOD);
        node.put("trials", usable.size());
        node.put("enough", usable.size() >= PermutationImportance.MIN_TRIALS);
        ArrayNode values = node.putArray("values");
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < axes.size(); j++) {
            order.add(j);
        }
        order.sort((a, b) -> Double.compare(shares[b], shares[a]));
        order.forEach(j -> values.addObject().put("name", axes.get(j).name()).put("share", shares[j]));
        return node;
    }
}
