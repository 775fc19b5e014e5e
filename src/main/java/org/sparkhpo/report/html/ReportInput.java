package org.sparkhpo.report.html;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparkhpo.trial.TrialResult;

/**
 * Everything one run's report shows, gathered on the driver from the settings, {@code run.json} and the journal.
 *
 * @param runId the run id
 * @param strategy the strategy's configuration name
 * @param status {@code running} while the search goes on, {@code finished} at the end
 * @param objectives the objectives, the main one first (one for today's runs; two or more get a Pareto front)
 * @param trials the journaled trials, in record order
 * @param finishedSeconds when each trial was recorded, in seconds of search wall time, by trial id (NaN or
 *     absent when unknown)
 * @param axes how each parameter is drawn
 * @param settings the run's settings as key and text, in order, for the settings table
 * @param previousRunId the run this one is compared with (the nightly job's previous run), or null
 */
public record ReportInput(String runId, String strategy, String status, List<ObjectiveAxis> objectives,
                          List<TrialResult> trials, Map<Integer, Double> finishedSeconds, List<ParameterAxis> axes,
                          Map<String, String> settings, String previousRunId) {
    public ReportInput {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(status, "status");
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("report of run " + runId + ": at least one objective is needed");
        }
        objectives = List.copyOf(objectives);
        trials = List.copyOf(trials);
        finishedSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(finishedSeconds));
        axes = List.copyOf(axes);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** @return the main objective */
    public ObjectiveAxis objective() {
        return objectives.get(0);
    }
}
