package org.sparkhpo.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.SparkSession;
import org.sparkhpo.config.InvalidInputException;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.objective.FunctionObjective;
import org.sparkhpo.report.BestJsonWriter;
import org.sparkhpo.report.BestRecord;
import org.sparkhpo.report.HadoopCheckpointStore;
import org.sparkhpo.report.RungReport;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.SummaryInput;
import org.sparkhpo.report.SummaryWriter;
import org.sparkhpo.report.TrialJournal;
import org.sparkhpo.report.TrialsCsvWriter;
import org.sparkhpo.spark.MllibModelExporter;
import org.sparkhpo.spark.SparkSessions;
import org.sparkhpo.spark.SparkTrialEvaluator;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.trial.BestTrial;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;

/**
 * One tuning run from validated settings to the outputs of DESIGN.md section 3: prepare the data (all input
 * errors surface here, before anything is written), start Spark, create the run directory, run the
 * optimization loop with the journal recording each trial as it ends, then retrain the best configuration,
 * evaluate it on the test part, save it as a Spark ML model and write best.json, trials.csv and summary.txt.
 */
public final class TuningRun {
    private final JobSettings settings;
    /** What the strategy learned for best.json (theory estimates, DFO counts), set when the search ends. */
    private Map<String, Object> strategyReport = Map.of();

    /**
     * What the run delivered.
     *
     * @param runDirectory where the outputs are
     * @param results every trial result
     * @param best the best trial, if any completed
     * @param model the final model, when one was trained
     */
    public record Outcome(RunDirectory runDirectory, List<TrialResult> results, Optional<TrialResult> best,
                          FinalModel model) {
        /**
         * @return true when a best configuration was found and its model trained, or, for a known-function
         *     objective (which trains no model), when a best configuration was found
         */
        public boolean modelDelivered() {
            return model != null || best.isPresent() && best.get().metrics().containsKey(FunctionObjective.KEY);
        }
    }

    /** @param settings the validated settings */
    public TuningRun(JobSettings settings) {
        this.settings = settings;
    }

    /**
     * @return what the run delivered
     * @throws InvalidInputException for bad data or an output directory that cannot be written
     * @throws IOException when writing outputs fails
     */
    public Outcome execute() throws IOException {
        ProgressLog progress = new ProgressLog(settings.metric(), StrategyFactory.plannedTrials(settings));
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        progress.info(String.format(Locale.ROOT, "data: %d train, %d validation, %s test rows, %d features, %d"
                        + " classes (%.1f MB)", data.train().rows(), data.validation().rows(),
                data.testPart().map(t -> Integer.toString(t.rows())).orElse("no"), data.numFeatures(),
                data.numClasses(), data.sizeInBytes() / 1e6));
        SparkSession spark = SparkSessions.create(settings.spark());
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        RunDirectory runDirectory = RunDirectory.create(settings.outputDir(), settings.runId(), hadoopConf);
        if (runDirectory.exists("trials.jsonl")) {
            throw InvalidInputException.forKey("hpo.run-id", settings.runId(), "already has results in "
                    + runDirectory.path() + "; choose another run id");
        }
        progress.info("run directory: " + runDirectory.path());
        List<TrialResult> results = search(spark, data, runDirectory, progress);
        return finish(spark, data, runDirectory, results, progress);
    }

    private List<TrialResult> search(SparkSession spark, PreparedData data, RunDirectory runDirectory,
                                     ProgressLog progress) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parallelism = roundSize(context.defaultParallelism());
        Objective runner = settings.objective().function()
                .<Objective>map(function -> new FunctionObjective(function, settings.search().space()))
                .orElseGet(() -> new TrialRunner(settings.model().loss(), settings.metric(), settings.stopping(),
                        settings.fixed()));
        TrialJournal journal = TrialJournal.open(runDirectory);
        Strategy strategy = StrategyFactory.create(settings, data, parallelism);
        String checkpoints = settings.search().strategy().isBandit()
                ? runDirectory.resolve(HadoopCheckpointStore.DIRECTORY).toString() : null;
        PreparedData broadcastPart = new PreparedData(data.train(), data.validation(), null, data.task(),
                data.numClasses(), data.standardizer());
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, broadcastPart, runner,
                settings.search().strategy().configName(), checkpoints)) {
            OptimizationLoop loop = new OptimizationLoop(strategy, evaluator, result -> {
                journal.record(result);
                progress.finished(result);
            }, parallelism, settings.search().trials(), settings.seed(), settings.search().maxSeconds(),
                    settings.search().target(), settings.metric());
            List<TrialResult> results = loop.run();
            progress.info("search stopped by " + loop.stopReason());
            strategyReport = strategy.report();
            return results;
        } finally {
            if (checkpoints != null && !settings.bandit().keepCheckpoints()) {
                new HadoopCheckpointStore(checkpoints, spark.sparkContext().hadoopConfiguration()).deleteAll();
            }
        }
    }

    /**
     * Trials per round: the configured parallelism, else for grid, random and the baselines (which learn
     * nothing between rounds; grid and random unless the median rule needs earlier rounds) the whole budget in
     * one round, so Spark packs the trials onto its slots as they free up,
     * else the cluster's task slots.
     */
    private int roundSize(int taskSlots) {
        if (settings.search().parallelism() > 0) {
            return settings.search().parallelism();
        }
        return switch (settings.search().strategy()) {
            case GRID, RANDOM -> settings.medianStopping().enabled() ? taskSlots : settings.search().trials();
            case FOLKLORE, MANUAL, THEORY -> settings.search().trials();
            default -> taskSlots;
        };
    }

    private Outcome finish(SparkSession spark, PreparedData data, RunDirectory runDirectory,
                           List<TrialResult> results, ProgressLog progress) throws IOException {
        Optional<TrialResult> best = BestTrial.of(results, settings.metric());
        TrialsCsvWriter.write(runDirectory, results);
        FinalModel model = null;
        BestRecord record = null;
        List<String> lines = new ArrayList<>();
        if (settings.search().strategy().isBandit()) {
            lines.addAll(RungReport.lines(results, settings.bandit().maxEpochs()));
        }
        if (best.isPresent() && settings.objective().function().isPresent()) {
            record = new BestRecord(settings.runId(), best.get().id(), best.get().configuration(),
                    best.get().metrics(), Map.of(), functionReport());
            BestJsonWriter.write(runDirectory, record);
            lines.add("objective: " + settings.objective().configName() + " (known minimum "
                    + settings.objective().function().get().minimum() + "); no model is trained");
        } else if (best.isPresent()) {
            model = FinalModel.train(best.get(), settings.fixed(), settings.model().loss(), settings.stopping(),
                    data, settings.finish().retrainOnValidation());
            record = new BestRecord(settings.runId(), best.get().id(), best.get().configuration(),
                    best.get().metrics(), model.test(), strategyReport);
            BestJsonWriter.write(runDirectory, record);
            saveModel(spark, data, runDirectory, model, lines);
            lines.add(String.format(Locale.ROOT, "final model: retrained on %s for %d epochs in %.1fs; test %s",
                    settings.finish().retrainOnValidation() ? "train+validation" : "train",
                    (int) best.get().metric("best_epoch"), model.trainSeconds(), model.test()));
        } else {
            lines.add("no trial completed: no model was trained (see the errors above)");
        }
        SummaryWriter.write(runDirectory, new SummaryInput(settings.runId(),
                settings.search().strategy().configName(), TrialRunner.objectiveKey(settings.metric()),
                settings.metric().higherIsBetter(), results, record, progress.elapsedSeconds(), lines));
        progress.info(String.format(Locale.ROOT, "done in %.1fs: %d trials, best %s, test %s; outputs in %s",
                progress.elapsedSeconds(), results.size(), best.map(b -> "trial " + b.id() + " "
                        + b.configuration()).orElse("none"), model == null ? "-" : model.test(), runDirectory.path()));
        return new Outcome(runDirectory, results, best, model);
    }

    private Map<String, Object> functionReport() {
        Map<String, Object> extra = new LinkedHashMap<>(strategyReport);
        extra.put("objective", settings.objective().configName());
        extra.put("known_minimum", settings.objective().function().get().minimum());
        return extra;
    }

    private void saveModel(SparkSession spark, PreparedData data, RunDirectory runDirectory, FinalModel model,
                           List<String> lines) throws IOException {
        if (!settings.finish().saveModel()) {
            return;
        }
        MLWritable mllib = MllibModelExporter.toMllib(settings.model().loss(), model.theta(), data.numFeatures(),
                data.numClasses(), data.standardizer());
        MllibModelExporter.save(mllib, runDirectory.resolve("model"), spark.sparkContext().hadoopConfiguration());
        lines.add("model: " + runDirectory.resolve("model") + " (" + mllib.getClass().getSimpleName()
                + ", load with " + mllib.getClass().getSimpleName() + ".load(path))");
    }
}
