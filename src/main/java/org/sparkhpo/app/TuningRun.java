package org.sparkhpo.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.SparkContext;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.objective.FunctionObjective;
import org.sparkhpo.report.BestJsonWriter;
import org.sparkhpo.multiobjective.CostAwareResults;
import org.sparkhpo.multiobjective.Feasibility;
import org.sparkhpo.multiobjective.ModelSelector;
import org.sparkhpo.report.BestRecord;
import org.sparkhpo.report.ParetoReport;
import org.sparkhpo.report.HadoopCheckpointStore;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.RungReport;
import org.sparkhpo.report.SummaryInput;
import org.sparkhpo.report.SummaryWriter;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.report.TrialsCsvWriter;
import org.sparkhpo.search.StrategyDescriptor;
import org.sparkhpo.search.StrategyInputs;
import org.sparkhpo.spark.SessionOnDemand;
import org.sparkhpo.spark.SparkColumnarReader;
import org.sparkhpo.spark.SparkSessions;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.spark.SparkTrialEvaluator;
import org.sparkhpo.strategy.CostAwareStrategy;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.WarmStartStrategy;
import org.sparkhpo.train.BlockOrder;
import org.sparkhpo.trial.BestTrial;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;

/**
 * One tuning run from validated settings to the outputs of DESIGN.md section 3: prepare the data (all input
 * errors surface here, before anything is written), start Spark, create the run directory, run the
 * optimization loop with the journal recording each trial as it ends, then retrain the best configuration,
 * evaluate it on the test part, save it as a Spark ML model and write best.json, trials.csv and summary.txt;
 * {@code report.html} is refreshed after every round and written once more at the end ({@link RunReport}).
 */
public final class TuningRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TuningRun.class);
    /** The settings; {@code auto} values are replaced by those derived from the data once it is read. */
    private JobSettings settings;
    /** What was derived from the data (best.json's {@code data_driven}), set when the data is read. */
    private Map<String, Object> dataDrivenReport = Map.of();
    /** The strategy's inputs, from {@link #settings} (recomputed when {@code auto} values are resolved). */
    private StrategyInputs strategyInputs;
    private final RunPlan plan;
    private final PhaseTimes timings = new PhaseTimes();
    /** The prepared data, set by the background thread before its future completes. */
    private volatile PreparedData prepared;
    /** The settings derived from the prepared data, set by the background thread right after it. */
    private volatile DataDrivenDefaults.Resolved derived;

    /**
     * What the run delivered.
     *
     * @param runDirectory where the outputs are
     * @param results every trial result
     * @param best the best trial, if any completed
     * @param model the final model, when one was trained
     * @param failure why no model was delivered (one line), or null
     * @param replayed how many results came from the journal of an earlier attempt (0 for a new run)
     * @param comparison this run's best next to the previous run's, when the plan named one
     */
    public record Outcome(RunDirectory runDirectory, List<TrialResult> results, Optional<TrialResult> best,
                          FinalModel model, String failure, int replayed, Optional<RunComparison> comparison) {
        /**
         * @return true when a best configuration was found and its model trained, or, for a known-function
         *     objective (which trains no model), when a best configuration was found
         */
        public boolean modelDelivered() {
            return model != null || best.isPresent() && best.get().metrics().containsKey(FunctionObjective.KEY);
        }
    }

    /** @param settings the validated settings of a new run */
    public TuningRun(JobSettings settings) {
        this(settings, RunPlan.fresh());
    }

    /**
     * @param settings the validated settings
     * @param plan new or resumed run, warm start and the previous run to compare with
     */
    public TuningRun(JobSettings settings, RunPlan plan) {
        this.settings = settings;
        this.strategyInputs = settings.strategyInputs();
        this.plan = plan;
    }

    /**
     * @return what the run delivered
     * @throws InvalidInputException for bad data, an output directory that cannot be written, a new run whose
     *     directory already holds results, or a resumed run whose settings changed
     * @throws IOException when writing outputs fails
     */
    public Outcome execute() throws IOException {
        try (Background background = new Background()) {
            return execute(background);
        }
    }

    /**
     * The run with its fixed costs off the critical path: the data is read and prepared, and the {@code auto}
     * settings derived from it, on the background thread while Spark starts (input errors still surface before
     * anything is written, since the run directory is created only after the data is ready), and the model is
     * written while the test metrics are computed. The log states each part's time.
     */
    private Outcome execute(Background background) throws IOException {
        ProgressLog progress = new ProgressLog(settings.metric(), descriptor().plannedTrials(strategyInputs));
        timings.recordJvmStart();
        long dataStart = System.nanoTime();
        // Parquet files and tables are read through a SQL session on the context started below: it waits for it.
        CompletableFuture<SparkContext> started = new CompletableFuture<>();
        SessionOnDemand sessions = new SessionOnDemand(started::join);
        JobSettings given = settings;
        Future<Double> dataSeconds = background.start(() -> {
            prepared = DataPreparer.prepare(given.data(), given.model().loss().task(),
                    given.model().numClasses(), given.seed(),
                    new SparkColumnarReader(sessions, given.data().columns()));
            derived = DataDrivenDefaults.resolve(given, prepared);
            return PhaseTimes.since(dataStart);
        });
        long sparkStart = System.nanoTime();
        SparkContext spark;
        try {
            spark = SparkSessions.startContext(settings.spark(), settings.fixed().threads());
        } catch (RuntimeException | Error e) {
            started.completeExceptionally(e);
            throw e;
        }
        started.complete(spark);
        timings.record("spark start", PhaseTimes.since(sparkStart));
        long waitStart = System.nanoTime();
        timings.record("data", Background.join(dataSeconds), String.format(Locale.ROOT,
                "alongside spark start, waited %.2fs more", PhaseTimes.since(waitStart)));
        PreparedData data = prepared;
        progress.info(String.format(Locale.ROOT, "data: %d train, %d validation, %s test rows, %d features, %d"
                        + " classes (%.1f MB)", data.train().rows(), data.validation().rows(),
                data.testPart().map(t -> Integer.toString(t.rows())).orElse("no"), data.numFeatures(),
                data.numClasses(), data.sizeInBytes() / 1e6));
        progress.info("validation: " + data.validationScheme());
        DataDrivenDefaults.Resolved resolved = derived;
        settings = resolved.settings();
        strategyInputs = settings.strategyInputs();
        dataDrivenReport = resolved.report();
        if (!dataDrivenReport.isEmpty()) {
            progress.info("derived from the data: " + describe(dataDrivenReport));
        }
        Configuration hadoopConf = spark.hadoopConfiguration();
        RunDirectory runDirectory = plan.resume()
                ? RunDirectory.open(settings.outputDir(), settings.runId(), hadoopConf)
                : RunDirectory.create(settings.outputDir(), settings.runId(), hadoopConf);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark);
        ResumableRun run = ResumableRun.begin(runDirectory, settings,
                descriptor().trialsPerRound(strategyInputs, context.defaultParallelism()), plan);
        progress.plannedTrials(descriptor().plannedTrials(strategyInputs) + run.warmStart().size());
        progress.info("run directory: " + runDirectory.path() + (plan.resume() ? " (resumed: "
                + run.journal().results().size() + " trials journaled)" : ""));
        RunReport report = new RunReport(settings, runDirectory, run.journal(),
                plan.previous() == null ? null : plan.previous().runId());
        long searchStart = System.nanoTime();
        Search search = search(spark, data, runDirectory, run, progress, report);
        timings.record("search", PhaseTimes.since(searchStart));
        Outcome outcome = finish(spark, data, runDirectory, search, progress, background);
        report.finish();
        run.markFinished();
        return outcome;
    }

    /**
     * The trials of this attempt.
     *
     * @param results every result
     * @param replayed how many of them came from the journal
     * @param strategyReport what the strategy learned for best.json (theory estimates, DFO counts)
     */
    private record Search(List<TrialResult> results, int replayed, Map<String, Object> strategyReport) {
    }

    private StrategyDescriptor descriptor() {
        return strategyInputs.descriptor();
    }

    private Search search(SparkContext sparkContext, PreparedData data, RunDirectory runDirectory, ResumableRun run,
                          ProgressLog progress, RunReport report) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(sparkContext);
        Objective runner = settings.objective().function()
                .<Objective>map(function -> new FunctionObjective(function, settings.search().space()))
                .orElseGet(() -> new TrialRunner(settings.model().loss(), settings.metric(), settings.stopping(),
                        settings.fixed(), BlockOrder.seedOf(settings.seed())));
        TrialJournal journal = run.journal();
        Strategy strategy = descriptor().create(strategyInputs, data, run.parallelism());
        if (!run.warmStart().isEmpty()) {
            strategy = new WarmStartStrategy(run.warmStart(), strategy);
        }
        CostAwareResults costs = new CostAwareResults(settings.cost());
        if (settings.cost().isCostAware()) {
            strategy = CostAwareStrategy.wrap(strategy, costs);
        }
        String checkpoints = descriptor().settlesResults()
                ? runDirectory.resolve(HadoopCheckpointStore.DIRECTORY).toString() : null;
        PreparedData broadcastPart = data.withoutTest();
        try (SparkTrialEvaluator spark = new SparkTrialEvaluator(context, broadcastPart, runner,
                settings.search().strategy().configName(), checkpoints, settings.spark().packSize())) {
            boolean threadsTuned = settings.search().space().parameters().stream()
                    .anyMatch(parameter -> parameter.tunable() == Tunable.THREADS);
            spark.checkTunableThreads(threadsTuned);
            // A cost-aware search compares train_seconds and core_seconds across trials: all on their own threads.
            spark.lendIdleCores(settings.spark().lendIdleCores() && !threadsTuned && !settings.cost().isCostAware());
            ReplayingEvaluator evaluator = run.replaying(spark);
            TrialEvaluator annotated = settings.cost().isCostAware() ? new AnnotatingEvaluator(evaluator, costs)
                    : evaluator;
            OptimizationLoop loop = new OptimizationLoop(strategy, annotated, known -> {
                List<TrialResult> fresh = known.stream().filter(result -> !evaluator.isReplayed(result.id()))
                        .toList();
                journal.recordAll(fresh);
                for (TrialResult result : known) {
                    if (evaluator.isReplayed(result.id())) {
                        progress.replayed(result);
                    } else {
                        progress.finished(result);
                    }
                }
            }, run.parallelism(), settings.search().trials() + run.warmStart().size(), settings.seed(),
                    settings.search().maxSeconds(), settings.search().target(), settings.metric())
                    .afterEachRound(report::refresh);
            OptimizationLoop.Outcome outcome = loop.search();
            evaluator.checkNothingLeft();
            progress.info("search stopped by " + outcome.stopReason());
            // Only a search that ended normally drops its checkpoints: after a failure, --resume needs them.
            if (checkpoints != null && !settings.bandit().keepCheckpoints()) {
                new HadoopCheckpointStore(checkpoints, sparkContext.hadoopConfiguration()).deleteAll();
            }
            return new Search(outcome.results(), evaluator.replayedCount(), strategy.report());
        }
    }

    private Outcome finish(SparkContext spark, PreparedData data, RunDirectory runDirectory, Search search,
                           ProgressLog progress, Background background)
            throws IOException {
        List<TrialResult> results = search.results();
        Optional<TrialResult> best = selectBest(results);
        TrialsCsvWriter.write(runDirectory, results);
        FinalModel model = null;
        String failure = null;
        BestRecord record = null;
        List<String> lines = new ArrayList<>();
        if (descriptor().settlesResults()) {
            lines.addAll(RungReport.lines(results, settings.bandit().maxEpochs()));
        }
        if (!settings.cost().bounds().isEmpty()) {
            Feasibility feasibility = new Feasibility(settings.cost().bounds());
            lines.add(String.format(Locale.ROOT, "feasible      %d of %d trials meet %s",
                    results.stream().filter(feasibility::isFeasible).count(), results.size(),
                    settings.cost().bounds()));
        }
        if (!settings.cost().costs().isEmpty()) {
            lines.addAll(ParetoReport.write(runDirectory, settings.cost(), results, best));
        }
        if (best.isPresent() && settings.objective().function().isPresent()) {
            record = new BestRecord(settings.runId(), best.get().id(), best.get().configuration(),
                    best.get().metrics(), Map.of(), functionReport(search.strategyReport()));
            BestJsonWriter.write(runDirectory, record);
            lines.add("objective: " + settings.objective().configName() + " (known minimum "
                    + settings.objective().function().get().minimum() + "); no model is trained");
        } else {
            FinalModelStep.Delivered delivered = new FinalModelStep(settings, dataDrivenReport, timings, background)
                    .deliver(spark, data, runDirectory, results, search.strategyReport(), best, lines);
            model = delivered.delivery().model();
            failure = delivered.delivery().delivered() ? null : delivered.delivery().source();
            record = delivered.record();
        }
        Optional<RunComparison> comparison = RunComparison.of(plan.previous(), best, settings.metric());
        comparison.ifPresent(c -> lines.addAll(c.lines()));
        if (plan.resume()) {
            lines.add(String.format(Locale.ROOT, "resumed       %d trials replayed from %s, %d run in this attempt",
                    search.replayed(), TrialJournal.FILE_NAME, results.size() - search.replayed()));
        }
        SummaryWriter.write(runDirectory, new SummaryInput(settings.runId(),
                settings.search().strategy().configName(), TrialRunner.objectiveKey(settings.metric()),
                settings.metric().higherIsBetter(), results, record, progress.elapsedSeconds(), lines));
        progress.info(timings.line() + String.format(Locale.ROOT, "; outside the search %.2fs",
                progress.elapsedSeconds() + timings.get("jvm") - timings.get("search")));
        progress.info(String.format(Locale.ROOT, "done in %.1fs: %d trials, best %s, test %s; outputs in %s",
                progress.elapsedSeconds(), results.size(), best.map(b -> "trial " + b.id() + " "
                        + b.configuration()).orElse("none"), model == null ? "-" : model.test(), runDirectory.path()));
        return new Outcome(runDirectory, results, best, model, failure, search.replayed(), comparison);
    }

    /**
     * @return the trial whose configuration becomes the model: by {@code hpo.select} among the feasible trials
     *     when the run is cost-aware, else the best objective with ties broken as {@link BestTrial} states
     */
    private Optional<TrialResult> selectBest(List<TrialResult> results) {
        return settings.cost().isCostAware()
                ? new ModelSelector(settings.cost()).select(results)
                : BestTrial.of(results, settings.metric());
    }

    /** @return the data-derived values as one line of {@code key value} pairs */
    static String describe(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        report.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(' ')
                .append(value instanceof double[] range ? String.format(Locale.ROOT, "[%.3g, %.3g]", range[0],
                        range[1]) : value instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : value));
        return text.toString();
    }

    private Map<String, Object> functionReport(Map<String, Object> strategyReport) {
        Map<String, Object> extra = new LinkedHashMap<>(strategyReport);
        extra.put("objective", settings.objective().configName());
        extra.put("known_minimum", settings.objective().function().get().minimum());
        return extra;
    }

}
