package org.sparkhpo.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.RunManifest;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialEvaluator;

/**
 * The part of a run that survives its driver: the run's {@link RunManifest} ({@code run.json}) and its
 * {@link TrialJournal}. A new run writes the manifest before its first trial; a resumed run reads it, refuses
 * settings that would propose different trials (exit code 2, naming the key), takes its parallelism, so that
 * rounds are composed as before, and its warm-start configurations, and replays the journal through a
 * {@link ReplayingEvaluator}.
 *
 * <p>Lifecycle: driver-only, one per run attempt, made by {@link #begin} once the run directory exists.
 */
final class ResumableRun {
    private final RunDirectory directory;
    private final RunManifest manifest;
    private final TrialJournal journal;

    private ResumableRun(RunDirectory directory, RunManifest manifest, TrialJournal journal) {
        this.directory = directory;
        this.manifest = manifest;
        this.journal = journal;
    }

    /**
     * Starts a new run (writing {@code run.json}) or resumes the one in {@code directory}.
     *
     * @param directory the run directory (created, or opened for a resume)
     * @param settings the validated settings
     * @param defaultParallelism Spark's default parallelism, used when {@code hpo.search.parallelism} is 0
     * @param plan new or resumed, and the warm-start configurations of a new run
     * @throws InvalidInputException when a new run's directory already holds results, or when a resumed run's
     *     settings differ from those it started with
     */
    static ResumableRun begin(RunDirectory directory, JobSettings settings, int defaultParallelism, RunPlan plan) {
        int configured = settings.search().parallelism();
        RunManifest current = manifestOf(settings, configured > 0 ? configured : defaultParallelism,
                plan.warmStart());
        boolean hasJournal = directory.exists(TrialJournal.FILE_NAME);
        if (!plan.resume()) {
            if (hasJournal || directory.exists(RunManifest.FILE_NAME)) {
                throw InvalidInputException.forKey("hpo.run-id", settings.runId(), "already has results in "
                        + directory.path() + "; choose another run id, or resume it with --resume "
                        + settings.runId());
            }
            current.write(directory);
            return new ResumableRun(directory, current, TrialJournal.open(directory));
        }
        RunManifest stored = RunManifest.read(directory).orElse(null);
        if (stored == null) {
            if (hasJournal) {
                throw new InvalidInputException(directory.resolve(RunManifest.FILE_NAME) + ": missing, so the"
                        + " settings the run started with are unknown and its trials cannot be replayed safely");
            }
            current.write(directory);
            return new ResumableRun(directory, current, TrialJournal.open(directory));
        }
        checkSameTrials(stored, current, configured);
        return new ResumableRun(directory, stored, TrialJournal.open(directory));
    }

    /** @return the manifest the run follows (the stored one when resuming) */
    RunManifest manifest() {
        return manifest;
    }

    /** @return the trials per round: the stored value when resuming */
    int parallelism() {
        return manifest.parallelism();
    }

    /** @return the configurations evaluated first */
    List<Configuration> warmStart() {
        return manifest.warmStart();
    }

    /** @return the run's journal, holding what earlier attempts recorded */
    TrialJournal journal() {
        return journal;
    }

    /** @return an evaluator that answers journaled trials from the journal and runs the rest on {@code spark} */
    ReplayingEvaluator replaying(TrialEvaluator spark) {
        return new ReplayingEvaluator(journal.results(), spark, directory.resolve(TrialJournal.FILE_NAME).toString());
    }

    /** Rewrites {@code run.json} with status finished; the last write of a run. */
    void markFinished() {
        manifest.finished().write(directory);
    }

    /** @return the manifest {@code settings} would start a run with */
    static RunManifest manifestOf(JobSettings settings, int parallelism, List<Configuration> warmStart) {
        Map<String, String> shaping = new LinkedHashMap<>();
        // The data first: the data-driven space and training values below derive from it, so a changed data
        // setting is named as the cause rather than the values it changed.
        shaping.put("hpo.data", settings.data().toString());
        shaping.put("hpo.model", settings.model().toString());
        shaping.put("hpo.metric.name", settings.metric().configName());
        shaping.put("hpo.search.space", settings.search().space().toString());
        shaping.put("hpo.training", settings.fixed() + " " + settings.stopping());
        if (settings.cost().isCostAware()) {
            shaping.put("hpo.cost", settings.cost().toldText());
        }
        return new RunManifest(settings.runId(), RunManifest.RUNNING, settings.seed(),
                settings.search().strategy().configName(), settings.search().trials(), parallelism, shaping,
                warmStart, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * @param configuredParallelism {@code hpo.search.parallelism} as set now; 0 (the default) takes the stored
     *     value, whatever the cluster's default is now
     * @throws InvalidInputException naming the first key whose value would change the trials
     */
    static void checkSameTrials(RunManifest stored, RunManifest current, int configuredParallelism) {
        check("hpo.seed", stored.seed(), current.seed(), stored);
        check("hpo.search.strategy", stored.strategy(), current.strategy(), stored);
        check("hpo.search.trials", stored.trials(), current.trials(), stored);
        if (configuredParallelism > 0) {
            check("hpo.search.parallelism", stored.parallelism(), configuredParallelism, stored);
        }
        stored.settings().forEach((key, value) -> check(key, value, current.settings().get(key), stored));
    }

    private static void check(String key, Object stored, Object current, RunManifest manifest) {
        if (!Objects.equals(stored, current)) {
            throw InvalidInputException.forKey(key, current, "differs from the value run '" + manifest.runId()
                    + "' started with (" + stored + ", in its " + RunManifest.FILE_NAME + "); resuming with it would"
                    + " propose different trials: resume with the original settings or start a new run id");
        }
    }
}
