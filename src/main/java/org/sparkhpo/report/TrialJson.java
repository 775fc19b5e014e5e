package org.sparkhpo.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * One {@link TrialResult} as one line of JSON, the record format of {@code trials.jsonl}:
 * <pre>
 * {"id":3,"round":0,"phase":"random","state":"COMPLETE","params":{"learning-rate":0.01,"epochs":20},
 *  "metrics":{"accuracy":0.84,"train_seconds":12.5},"seed":-4242,"error":null,"curve":[0.80,0.84],
 *  "finished_seconds":3.2}
 * </pre>
 * (on one line). Fields come in that order; {@code curve} (the objective on validation after each epoch, epoch 1
 * first, counted from the run's start for a trial that resumed another's checkpoint) and {@code finished_seconds}
 * (when the driver recorded the trial, in seconds since the search started) are optional when read, so journals
 * written before them still load; {@code params} keep the configuration's order and types:
 * {@link Integer} as a JSON integer, {@link Double} as a number that always has a '.' or an exponent (Jackson
 * writes {@code 1.0} as {@code 1.0}), so that decoding can tell them apart by the text alone. Metrics that are
 * NaN or infinite are written as {@code null} and read back as NaN. Fields not listed are ignored when read.
 */
public final class TrialJson {
    /** Strict reader: duplicate keys and anything after the object are errors. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TrialJson() {
    }

    /**
     * @return {@code result} as one line of JSON, without a line break
     * @throws IllegalArgumentException when a parameter value is not a finite Double, an Integer, a Boolean or a
     *     String
     */
    public static String encode(TrialResult result) {
        return encode(result, Double.NaN);
    }

    /**
     * @param result the result
     * @param finishedSeconds when the driver recorded it, in seconds since the search started; NaN to leave out
     * @return {@code result} as one line of JSON, without a line break
     */
    public static String encode(TrialResult result, double finishedSeconds) {
        ObjectNode node = NODES.objectNode();
        node.put("id", result.id());
        node.put("round", result.round());
        node.put("phase", result.phase());
        node.put("state", result.state().name());
        node.set("params", paramsNode(result.configuration(), "trial " + result.id()));
        node.set("metrics", metricsNode(result.metrics()));
        node.put("seed", result.seed());
        node.put("error", result.error());
        ArrayNode curve = node.putArray("curve");
        result.curve().forEach(value -> {
            if (Double.isFinite(value)) {
                curve.add(value);
            } else {
                curve.addNull();
            }
        });
        if (Double.isFinite(finishedSeconds)) {
            node.put("finished_seconds", finishedSeconds);
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write trial " + result.id() + " as JSON", e);
        }
    }

    /**
     * Reads one line written by {@link #encode}.
     *
     * @param line the JSON text
     * @param file the file it came from, for the error message
     * @param lineNumber its line number counting from 1, for the error message
     * @throws InvalidInputException {@code "<file>:<line>: not a trial record: <reason>"} when the line is not
     *     valid JSON, lacks a field or holds a value of the wrong type
     */
    public static TrialResult decode(String line, String file, long lineNumber) {
        return decodeEntry(line, file, lineNumber).result();
    }

    /**
     * A journal line read back: the result and when the driver recorded it.
     *
     * @param result the trial's result, its curve included
     * @param finishedSeconds the line's {@code finished_seconds}, NaN when the line has none
     */
    public record Entry(TrialResult result, double finishedSeconds) {
    }

    /**
     * Reads one line written by {@link #encode(TrialResult, double)}.
     *
     * @param line the JSON text
     * @param file the file it came from, for the error message
     * @param lineNumber its line number counting from 1, for the error message
     * @throws InvalidInputException {@code "<file>:<line>: not a trial record: <reason>"} as {@link #decode}
     */
    public static Entry decodeEntry(String line, String file, long lineNumber) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonNode finished = node.get("finished_seconds");
            if (finished != null && !finished.isNumber()) {
                throw new IllegalArgumentException("finished_seconds: " + finished + " must be a number");
            }
            return new Entry(toResult(node), finished == null ? Double.NaN : finished.doubleValue());
        } catch (JacksonException e) {
            throw notARecord(file, lineNumber, e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw notARecord(file, lineNumber, e.getMessage(), e);
        }
    }

    /**
     * @param owner what the configuration belongs to, for the error message
     * @return the configuration as a JSON object, in its order
     */
    static ObjectNode paramsNode(Configuration configuration, String owner) {
        ObjectNode params = NODES.objectNode();
        configuration.values().forEach((name, value) -> {
            if (value instanceof Double d && Double.isFinite(d)) {
                params.put(name, d);
            } else if (value instanceof Integer i) {
                params.put(name, i);
            } else if (value instanceof Boolean b) {
                params.put(name, b);
            } else if (value instanceof String s) {
                params.put(name, s);
            } else {
                throw new IllegalArgumentException(owner + ": parameter '" + name + "' = " + value
                        + " must be a finite Double, an Integer, a Boolean or a String");
            }
        });
        return params;
    }

    /** @return the metrics as a JSON object, in their order, NaN and infinities as null */
    static ObjectNode metricsNode(Map<String, Double> metrics) {
        ObjectNode node = NODES.objectNode();
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                node.putNull(name);
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    private static TrialResult toResult(JsonNode node) {
        JsonNode error = field(node, "error");
        if (!error.isNull() && !error.isTextual()) {
            throw new IllegalArgumentException("error: must be a string or null, got " + error);
        }
        return new TrialResult(
                intField(node, "id"),
                intField(node, "round"),
                textField(node, "phase"),
                state(textField(node, "state")),
                params(objectField(node, "params")),
                metrics(objectField(node, "metrics")),
                longField(node, "seed"),
                error.isNull() ? null : error.asText(),
                curve(node.get("curve")));
    }

    /** @return the values of a {@code curve} array (null entries as NaN), empty when the field is absent */
    private static List<Double> curve(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("curve: " + node + " must be an array");
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isNull() && !value.isNumber()) {
                throw new IllegalArgumentException("curve: " + value + " must be a number or null");
            }
            values.add(value.isNull() ? Double.NaN : value.doubleValue());
        }
        return values;
    }

    /** @return the configuration of a {@code params} object */
    static Configuration params(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), param(entry.getKey(), entry.getValue())));
        return new Configuration(values);
    }

    private static Object param(String name, JsonNode value) {
        if (value.isInt()) {
            return value.intValue();
        } else if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
            return value.doubleValue();
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isTextual()) {
            return value.textValue();
        }
        throw new IllegalArgumentException("params." + name + ": " + value
                + " must be an int, a finite decimal number, a boolean or a string");
    }

    private static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isNumber()) {
                throw new IllegalArgumentException("metrics." + entry.getKey() + ": " + value
                        + " must be a number or null");
            }
            values.put(entry.getKey(), value.isNull() ? Double.NaN : value.doubleValue());
        });
        return values;
    }

    private static TrialState state(String name) {
        try {
            return TrialState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state: '" + name + "' must be COMPLETE, PRUNED or FAILED", e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }

    private static int intField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isInt()) {
            throw new IllegalArgumentException(name + ": " + value + " must be an int");
        }
        return value.intValue();
    }

    private static long longField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(name + ": " + value + " must be a long integer");
        }
        return value.longValue();
    }

    private static String textField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + ": " + value + " must be a string");
        }
        return value.textValue();
    }

    private static JsonNode objectField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isObject()) {
            throw new IllegalArgumentException(name + ": " + value + " must be an object");
        }
        return value;
    }

    private static InvalidInputException notARecord(String file, long lineNumber, String reason, Throwable cause) {
        return new InvalidInputException(file + ":" + lineNumber + ": not a trial record: " + reason, cause);
    }
}
