package org.sparkhpo.report.html;

import static org.sparkhpo.report.html.JsonNumbers.addNumber;
import static org.sparkhpo.report.html.JsonNumbers.putNumber;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.RunManifest;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * One run as the comparison page shows it, read from its directory: {@code run.json} (strategy, seed, started,
 * the metric) and {@code trials.jsonl} (counts, best objective, search wall time, the best-so-far history).
 * A run without {@code run.json} is shown with what the journal holds, its metric taken as accuracy.
 *
 * @param link the run's {@code report.html} as the comparison page links it
 * @param directory the run directory
 * @param manifest its {@code run.json}, if any
 * @param trials its journaled trials
 * @param finishedSeconds when each was recorded (NaN when unknown), in the order of {@code trials}
 */
public record ComparedRun(String link, String directory, Optional<RunManifest> manifest, List<TrialResult> trials,
                          double[] finishedSeconds) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param directory the run directory, opened for reading
     * @param link the link to its report from the comparison page
     * @return the run as the journal and the manifest describe it
     */
    public static ComparedRun read(RunDirectory directory, String link) {
        TrialJournal journal = TrialJournal.open(directory);
        List<TrialResult> trials = journal.results();
        double[] finished = trials.stream().mapToDouble(t -> journal.finishedSeconds(t.id())).toArray();
        return new ComparedRun(link, directory.path().toString(), RunManifest.read(directory), trials, finished);
    }

    /** @return the run's objective metric, from {@code hpo.metric.name} in run.json (accuracy when unknown) */
    Metric metric() {
        return manifest.map(m -> m.settings().get("hpo.metric.name")).flatMap(Metric::byName).orElse(Metric.ACCURACY);
    }

    /** @return the run as one entry of the comparison page's data */
    ObjectNode toJson() {
        Metric metric = metric();
        String key = TrialRunner.objectiveKey(metric);
        ObjectNode node = NODES.objectNode();
        node.put("id", manifest.map(RunManifest::runId).orElse(directory.replaceAll(".*/", "")));
        node.put("directory", directory);
        node.put("link", link);
        node.put("strategy", manifest.map(RunManifest::strategy).orElse("?"));
        node.put("status", manifest.map(RunManifest::status).orElse("?"));
        node.put("started", manifest.map(RunManifest::started).orElse(""));
        manifest.ifPresent(m -> node.put("seed", m.seed()));
        node.put("objective", key);
        node.put("higher_is_better", metric.higherIsBetter());
        node.put("trials", trials.size());
        for (TrialState state : TrialState.values()) {
            node.put(state.name().toLowerCase(java.util.Locale.ROOT),
                    trials.stream().filter(t -> t.state() == state).count());
        }
        ArrayNode history = node.putArray("history");
        double best = Double.NaN;
        double seconds = Double.NaN;
        for (int i = 0; i < trials.size(); i++) {
            TrialResult trial = trials.get(i);
            double value = trial.metric(key);
            if (trial.state() == TrialState.COMPLETE && Double.isFinite(value)
                    && (Double.isNaN(best) || metric.isBetter(value, best))) {
                best = value;
            }
            if (Double.isFinite(finishedSeconds[i])) {
                seconds = Double.isNaN(seconds) ? finishedSeconds[i] : Math.max(seconds, finishedSeconds[i]);
            }
            ArrayNode point = history.addArray().add(i + 1);
            addNumber(point, best);
            addNumber(point, finishedSeconds[i]);
        }
        putNumber(node, "best", best);
        putNumber(node, "search_seconds", seconds);
        return node;
    }
}
