package org.sparkhpo.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;

/**
 * {@code run.json}: the effective settings that shape a run's trials, written atomically when the run starts
 * and again (with {@code status = finished}) when it ends. A resumed run reads it to rebuild the same rounds
 * (the parallelism actually used, which may have come from the cluster's default) and to refuse settings that
 * would propose different trials.
 * <pre>
 * {"run_id":"nightly-20250101","status":"running","seed":42,"strategy":"grid","trials":12,"parallelism":2,
 *  "settings":{"hpo.search.space":"SearchSpace[...]","hpo.training":"...",...},
 *  "warm_start":[{"learning-rate":0.01}],"started":"2025-01-01T02:00:00Z"}
 * </pre>
 *
 * @param runId the run id
 * @param status {@link #RUNNING} or {@link #FINISHED}
 * @param seed the job seed
 * @param strategy the strategy's configuration name
 * @param trials the trial budget of the strategy ({@code hpo.search.trials})
 * @param parallelism the trials per round actually used (never 0)
 * @param settings further settings that shape the trials, by key, each rendered as text; compared verbatim
 * @param warmStart the configurations evaluated first (warm start), in order; may be empty
 * @param started when the run first started (ISO-8601, UTC)
 */
public record RunManifest(String runId, String status, long seed, String strategy, int trials, int parallelism,
                          Map<String, String> settings, List<Configuration> warmStart, String started) {
    /** The file name in the run directory. */
    public static final String FILE_NAME = "run.json";
    /** Status of a run whose trials or outputs are not complete yet. */
    public static final String RUNNING = "running";
    /** Status of a run whose every output has been written. */
    public static final String FINISHED = "finished";

    public RunManifest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(started, "started");
        if (!RUNNING.equals(status) && !FINISHED.equals(status)) {
            throw new IllegalArgumentException("run manifest: status '" + status + "' must be " + RUNNING + " or "
                    + FINISHED);
        }
        if (parallelism < 1 || trials < 1) {
            throw new IllegalArgumentException("run manifest: parallelism (" + parallelism + ") and trials ("
                    + trials + ") must be >= 1");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        warmStart = List.copyOf(warmStart);
    }

    /** @return whether every output of the run has been written */
    public boolean isFinished() {
        return FINISHED.equals(status);
    }

    /** @return this manifest with status {@link #FINISHED} */
    public RunManifest finished() {
        return new RunManifest(runId, FINISHED, seed, strategy, trials, parallelism, settings, warmStart, started);
    }

    /** Writes {@code run.json} atomically into {@code directory}. */
    public void write(RunDirectory directory) {
        directory.writeAtomically(FILE_NAME, toJson());
    }

    /**
     * @return the manifest of {@code directory}, empty when it has none
     * @throws InvalidInputException naming the file when it is not a valid manifest
     */
    public static Optional<RunManifest> read(RunDirectory directory) {
        if (!directory.exists(FILE_NAME)) {
            return Optional.empty();
        }
        String file = directory.resolve(FILE_NAME).toString();
        try {
            return Optional.of(fromJson(TrialJson.MAPPER.readTree(directory.read(FILE_NAME))));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(file + ": not a run manifest: " + RunDirectory.reason(e), e);
        }
    }

    /** @return the manifest as pretty-printed JSON ending with a line break */
    public String toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("run_id", runId);
        node.put("status", status);
        node.put("seed", seed);
        node.put("strategy", strategy);
        node.put("trials", trials);
        node.put("parallelism", parallelism);
        ObjectNode settingsNode = node.putObject("settings");
        settings.forEach(settingsNode::put);
        ArrayNode warm = node.putArray("warm_start");
        warmStart.forEach(configuration -> warm.add(TrialJson.paramsNode(configuration, "warm start")));
        node.put("started", started);
        try {
            return TrialJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the run manifest as JSON", e);
        }
    }

    private static RunManifest fromJson(JsonNode node) {
        Map<String, String> settings = new LinkedHashMap<>();
        node.get("settings").properties().forEach(entry -> settings.put(entry.getKey(), entry.getValue().asText()));
        List<Configuration> warmStart = new ArrayList<>();
        for (JsonNode params : node.get("warm_start")) {
            warmStart.add(TrialJson.params(params));
        }
        return new RunManifest(node.get("run_id").textValue(), node.get("status").textValue(),
                node.get("seed").longValue(), node.get("strategy").textValue(), node.get("trials").intValue(),
                node.get("parallelism").intValue(), settings, warmStart, node.get("started").textValue());
    }
}
