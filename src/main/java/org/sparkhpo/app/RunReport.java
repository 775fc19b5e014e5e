package org.sparkhpo.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.RunManifest;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.report.html.ObjectiveAxis;
import org.sparkhpo.report.html.ParameterAxis;
import org.sparkhpo.report.html.ReportInput;
import org.sparkhpo.report.html.ReportWriter;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;

/**
 * Keeps a run's {@code report.html} up to date from its journal: after every round ({@code running}) and once
 * every other output is written ({@code finished}); nothing when {@code hpo.output.report} is false. A failure
 * to draw or write the report is logged and the run goes on: the report is a view of the journal, which holds
 * the results.
 *
 * <p>Lifecycle: driver-only, one per run attempt, made once {@code run.json} and the journal exist.
 */
final class RunReport {
    private static final Logger LOG = LoggerFactory.getLogger("org.sparkhpo.progress");
    private final JobSettings settings;
    private final RunDirectory directory;
    private final TrialJournal journal;
    private final Map<String, String> table;
    private final String previousRunId;
    private long writeNanos;
    private int writes;

    /**
     * @param settings the run's settings
     * @param directory the run directory, holding {@code run.json}
     * @param journal the run's journal
     * @param previousRunId the run this one is compared with (nightly), or null
     */
    RunReport(JobSettings settings, RunDirectory directory, TrialJournal journal, String previousRunId) {
        this.settings = settings;
        this.directory = directory;
        this.journal = journal;
        this.previousRunId = previousRunId;
        this.table = settings.report() ? settingsTable(directory) : Map.of();
    }

    /** Rewrites the report of a run still searching. */
    void refresh() {
        write(RunManifest.RUNNING);
    }

    /** Writes the report of the finished run and logs what the report cost. */
    void finish() {
        write(RunManifest.FINISHED);
        if (settings.report()) {
            LOG.info(String.format(java.util.Locale.ROOT, "%s: written %d times in %.1f ms in all",
                    ReportWriter.FILE_NAME, writes, writeNanos / 1e6));
        }
    }

    private void write(String status) {
        if (!settings.report()) {
            return;
        }
        long start = System.nanoTime();
        try {
            List<TrialResult> trials = journal.results();
            Map<Integer, Double> finished = new LinkedHashMap<>();
            trials.forEach(t -> finished.put(t.id(), journal.finishedSeconds(t.id())));
            ReportInput input = new ReportInput(settings.runId(), settings.search().strategy().configName(), status,
                    objectives(),
                    trials, finished, ParameterAxis.of(settings.search().space(), trials), table, previousRunId);
            ReportWriter.write(directory, input);
        } catch (RuntimeException e) {
            LOG.warn("could not write " + ReportWriter.FILE_NAME + " (the run goes on): " + e, e);
        }
        writeNanos += System.nanoTime() - start;
        writes++;
    }

    /**
     * @return the validation metric followed by the costs of {@code hpo.cost.metrics}, the axes of the Pareto
     *     front (pareto.json's objectives); the metric alone when the run names no cost
     */
    private List<ObjectiveAxis> objectives() {
        if (settings.cost().costs().isEmpty()) {
            return List.of(new ObjectiveAxis(TrialRunner.objectiveKey(settings.metric()),
                    settings.metric().higherIsBetter()));
        }
        return settings.cost().axes().stream()
                .map(axis -> new ObjectiveAxis(axis.key(), axis.higherIsBetter()))
                .toList();
    }

    /** @return run.json's figures and settings, as the report's settings table shows them */
    private static Map<String, String> settingsTable(RunDirectory directory) {
        Map<String, String> table = new LinkedHashMap<>();
        RunManifest.read(directory).ifPresent(manifest -> {
            table.put("run id", manifest.runId());
            table.put("started", manifest.started());
            table.put("hpo.seed", Long.toString(manifest.seed()));
            table.put("hpo.search.strategy", manifest.strategy());
            table.put("hpo.search.trials", Integer.toString(manifest.trials()));
            table.put("trials per round", Integer.toString(manifest.parallelism()));
            table.putAll(manifest.settings());
        });
        return table;
    }
}
