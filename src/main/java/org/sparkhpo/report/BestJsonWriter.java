package org.sparkhpo.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code best.json}, pretty-printed:
 * <pre>
 * {
 *   "run_id" : "...", "trial_id" : 7, "params" : {...}, "validation" : {...}, "test" : {...} or null,
 *   ...the extra entries...
 * }
 * </pre>
 * Parameters are written as in {@code trials.jsonl}; NaN and infinite metrics, and NaN or infinite numbers
 * among the extra entries, as {@code null}; {@code test} is {@code null} when no test data was given.
 */
public final class BestJsonWriter {
    /** The file name in the run directory. */
    public static final String FILE_NAME = "best.json";

    private BestJsonWriter() {
    }

    /** @return {@code best} as pretty-printed JSON text ending with a line break */
    public static String toJson(BestRecord best) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("run_id", best.runId());
        node.put("trial_id", best.trialId());
        node.set("params", TrialJson.paramsNode(best.params(), "best trial " + best.trialId()));
        node.set("validation", TrialJson.metricsNode(best.validation()));
        node.set("test", best.test().isEmpty() ? node.nullNode() : TrialJson.metricsNode(best.test()));
        best.extra().forEach((key, value) -> node.set(key, extraNode(value)));
        try {
            return TrialJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalArgumentException("best record: cannot write its extra entries as JSON", e);
        }
    }

    /** Writes {@code best.json} of {@code best} atomically into {@code directory}. */
    public static void write(RunDirectory directory, BestRecord best) {
        directory.writeAtomically(FILE_NAME, toJson(best));
    }

    private static JsonNode extraNode(Object value) {
        if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
            return JsonNodeFactory.instance.nullNode();
        }
        return TrialJson.MAPPER.valueToTree(value);
    }
}
