package org.sparkhpo.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.NightlySettings;
import org.sparkhpo.report.LatestPointer;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.RunLock;
import org.sparkhpo.report.RunManifest;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.spark.SparkSessions;
import org.sparkhpo.trial.BestTrial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

/**
 * The nightly job ({@code --nightly}, run by {@code scripts/nightly.sh} with a dated {@code hpo.run-id}):
 * <ol>
 *   <li>takes the output directory's {@link RunLock}, so two runs never write to the same place (exit code 4);</li>
 *   <li>when today's run directory exists and is unfinished (a crashed attempt), resumes it; when it is finished,
 *       only makes sure {@code LATEST} points at it;</li>
 *   <li>else starts it with a warm start: the {@code hpo.nightly.warm-start} best configurations of the run
 *       {@code LATEST} names are evaluated first;</li>
 *   <li>compares the best objective with that run's in {@code summary.txt};</li>
 *   <li>points {@code LATEST} at the run once every output is written, then releases the lock;</li>
 *   <li>returns exit code 3 when the best objective regressed by more than {@code hpo.nightly.max-regression}.</li>
 * </ol>
 */
final class NightlyRun {
    private static final Logger LOG = LoggerFactory.getLogger("org.sparkhpo.progress");
    private final JobSettings settings;
    private final NightlySettings nightly;
    private final boolean breakLock;

    NightlyRun(JobSettings settings, NightlySettings nightly, boolean breakLock) {
        this.settings = settings;
        this.nightly = nightly;
        this.breakLock = breakLock;
    }

    /** @return the exit code: 0, 1 (no model), 3 (regression); 4 and 2 come as exceptions */
    int execute() throws IOException {
        Configuration hadoopConf = SparkSessions.startContext(settings.spark(), settings.fixed().threads())
                .hadoopConfiguration();
        RunDirectory root = RunDirectory.outputRoot(settings.outputDir(), hadoopConf);
        Duration stale = Duration.ofMinutes(Math.round(nightly.lockStaleHours() * 60));
        try (RunLock lock = RunLock.acquire(root, settings.runId(), stale, breakLock)) {
            LOG.info("nightly: holding " + root.resolve(RunLock.FILE_NAME) + " for run " + settings.runId());
            return underLock(root, hadoopConf);
        }
    }

    private int underLock(RunDirectory root, Configuration hadoopConf) throws IOException {
        String runId = settings.runId();
        Optional<RunManifest> today = root.exists(runId + "/" + RunManifest.FILE_NAME)
                ? RunManifest.read(RunDirectory.open(settings.outputDir(), runId, hadoopConf)) : Optional.empty();
        if (today.isPresent() && today.get().isFinished()) {
            LOG.info("nightly: run " + runId + " already finished; LATEST points at it");
            LatestPointer.update(root, runId);
            return HpoJob.OK;
        }
        boolean resume = today.isPresent() || root.exists(runId + "/" + TrialJournal.FILE_NAME);
        Optional<String> previousId = LatestPointer.read(root).filter(id -> !id.equals(runId));
        List<TrialResult> previous = previousId.map(id -> TrialJournal.open(
                RunDirectory.open(settings.outputDir(), id, hadoopConf)).results()).orElse(List.of());
        RunPlan.PreviousRun previousBest = BestTrial.of(previous, settings.metric())
                .map(best -> new RunPlan.PreviousRun(previousId.get(), best)).orElse(null);
        List<org.sparkhpo.space.Configuration> warm = resume ? List.of() : topConfigurations(previous);
        LOG.info("nightly: " + (resume ? "resuming unfinished run " + runId : "run " + runId + ", warm start with "
                + warm.size() + " configurations of " + previousId.orElse("no previous run")));
        TuningRun.Outcome outcome = new TuningRun(settings, new RunPlan(resume, warm, previousBest)).execute();
        LatestPointer.update(root, runId);
        if (outcome.comparison().map(c -> c.regressedBeyond(nightly.maxRegression())).orElse(false)) {
            RunComparison comparison = outcome.comparison().get();
            System.err.println("spark-hpo: regression: best " + comparison.objectiveKey() + " " + comparison.current()
                    + " is worse than run " + comparison.previousRunId() + "'s " + comparison.previous() + " by "
                    + comparison.regression() + ", more than hpo.nightly.max-regression = " + nightly.maxRegression());
            return HpoJob.REGRESSION;
        }
        if (!outcome.modelDelivered()) {
            System.err.println("spark-hpo: failed: " + outcome.failure());
            return HpoJob.FAILURE;
        }
        return HpoJob.OK;
    }

    /** @return the distinct configurations of the best COMPLETE trials, best first, at most warm-start many */
    private List<org.sparkhpo.space.Configuration> topConfigurations(List<TrialResult> previous) {
        String key = TrialRunner.objectiveKey(settings.metric());
        Comparator<TrialResult> byObjective = Comparator.comparingDouble(result -> result.metric(key));
        if (settings.metric().higherIsBetter()) {
            byObjective = byObjective.reversed();
        }
        List<org.sparkhpo.space.Configuration> top = new ArrayList<>();
        previous.stream().filter(r -> r.state() == TrialState.COMPLETE && Double.isFinite(r.metric(key)))
                .sorted(byObjective.thenComparingInt(TrialResult::id))
                .map(TrialResult::configuration).distinct().limit(nightly.warmStart()).forEach(top::add);
        return top;
    }
}
