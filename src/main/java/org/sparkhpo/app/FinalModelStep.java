package org.sparkhpo.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.util.MLWritable;
import org.sparkhpo.config.FinishSettings;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.report.BestJsonWriter;
import org.sparkhpo.report.BestRecord;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.spark.DriverCores;
import org.sparkhpo.spark.MllibModelExporter;
import org.sparkhpo.train.BlockOrder;
import org.sparkhpo.trial.BestTrial;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;

/**
 * The last step of a run that trains a model: the final model trained with {@link ModelDelivery}'s fallbacks,
 * written in MLlib's format on the background thread while its test metrics are computed on the calling one,
 * best.json's record, and the summary's lines about it (validation scheme, ranking rule, sanity baseline, how
 * the model was delivered). Records the retrain's and the write's times. One per run; driver only.
 */
final class FinalModelStep {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FinalModelStep.class);
    private final JobSettings settings;
    private final Map<String, Object> dataDrivenReport;
    private final PhaseTimes timings;
    private final Background background;

    /**
     * @param settings the run's settings (with data-derived values resolved)
     * @param dataDrivenReport what was derived from the data (best.json's {@code data_driven})
     * @param timings where the retrain and the write record their times
     * @param background the run's background thread, which writes the model
     */
    FinalModelStep(JobSettings settings, Map<String, Object> dataDrivenReport, PhaseTimes timings,
                   Background background) {
        this.settings = settings;
        this.dataDrivenReport = dataDrivenReport;
        this.timings = timings;
        this.background = background;
    }

    /** The final model (or why there is none) and best.json's record (null when no trial completed). */
    record Delivered(ModelDelivery delivery, BestRecord record) {
    }

    /**
     * Trains the final model (with the fallbacks of {@link ModelDelivery}), then writes it on the background
     * thread while the test metrics are computed on this one, and writes best.json.
     *
     * @param spark the running context (the model write needs its Hadoop configuration and version)
     * @param data the prepared data
     * @param runDirectory the run's directory
     * @param results every trial result
     * @param strategyReport what the strategy reports for best.json
     * @param best the selected trial, if any
     * @param lines the summary's lines, to which this adds its own
     * @return the delivery and best.json's record
     * @throws IOException when writing fails
     */
    Delivered deliver(SparkContext spark, PreparedData data, RunDirectory runDirectory, List<TrialResult> results,
                      Map<String, Object> strategyReport, Optional<TrialResult> best, List<String> lines)
            throws IOException {
        long retrainStart = System.nanoTime();
        int threads = retrainThreads(spark);
        ModelDelivery delivery = ModelDelivery.deliver(fallbackOrder(results, best),
                settings.fixed(), settings.model().loss(), settings.stopping(), data,
                settings.finish().retrainOnValidation(), BlockOrder.seedOf(settings.seed()), threads);
        timings.record("retrain", PhaseTimes.since(retrainStart), threads == 1 ? "1 thread" : threads + " threads");
        if (delivery.delivered()) {
            delivery = delivery.withModel(testAlongsideWrite(spark, data, runDirectory, delivery.model(), lines));
        }
        SanityBaseline baseline = SanityBaseline.of(data);
        ModelDelivery delivered = delivery;
        BestRecord record = best.map(b -> modelRecord(b, delivered, baseline, strategyReport)).orElse(null);
        if (record != null) {
            BestJsonWriter.write(runDirectory, record);
        }
        lines.add("validation: " + data.validationScheme());
        lines.add("ranking: " + BestTrial.TIE_RULE + tieCount(results, best));
        lines.add(baseline.line());
        String key = TrialRunner.objectiveKey(settings.metric());
        if (best.isPresent() && baseline.notBeatenBy(best.get().metric(key), settings.metric())) {
            String warning = String.format(Locale.ROOT, "warning: the best trial's %s %.4f does not beat the %s"
                    + " baseline's %.4f", key, best.get().metric(key), baseline.rule(), baseline.validation());
            lines.add(warning);
            LOG.warn(warning);
        }
        lines.addAll(deliveryLines(delivery));
        if (!dataDrivenReport.isEmpty()) {
            lines.add("derived from the data: " + TuningRun.describe(dataDrivenReport));
        }
        return new Delivered(delivery, record);
    }

    /** @return {@code hpo.finish.threads}, with {@code auto} read as the driver's cores */
    private int retrainThreads(SparkContext spark) {
        int configured = settings.finish().threads();
        return configured != FinishSettings.AUTO_THREADS ? configured
                : DriverCores.of(spark.master(), spark.getConf(), Runtime.getRuntime().availableProcessors());
    }

    /** @return the model with its test metrics, computed on this thread while the background thread writes it */
    private FinalModel testAlongsideWrite(SparkContext spark, PreparedData data, RunDirectory runDirectory,
                                          FinalModel model, List<String> lines)
            throws IOException {
        long writeStart = System.nanoTime();
        Future<String> saving = background.start(() -> saveModel(spark, data, runDirectory, model.theta()));
        Map<String, Double> test = FinalModel.testMetrics(settings.model().loss(), data, model.theta());
        double testSeconds = PhaseTimes.since(writeStart);
        String modelLine = Background.join(saving);
        if (modelLine != null) {
            lines.add(modelLine);
        }
        timings.record("test and model write", PhaseTimes.since(writeStart),
                String.format(Locale.ROOT, "alongside each other; test metrics %.2fs", testSeconds));
        return model.withTest(test);
    }

    /** @return the selected trial first, then the others by objective: the order the model delivery falls back in */
    private List<TrialResult> fallbackOrder(List<TrialResult> results, Optional<TrialResult> best) {
        List<TrialResult> order = new ArrayList<>();
        best.ifPresent(order::add);
        BestTrial.ranked(results, settings.metric()).stream()
                .filter(r -> best.isEmpty() || r.id() != best.get().id())
                .forEach(order::add);
        return order;
    }

    /** @return ", N trials tie at the best objective" when more than one does, else "" */
    private String tieCount(List<TrialResult> results, Optional<TrialResult> best) {
        if (best.isEmpty()) {
            return "";
        }
        String key = TrialRunner.objectiveKey(settings.metric());
        long ties = BestTrial.ranked(results, settings.metric()).stream()
                .filter(r -> r.metric(key) == best.get().metric(key)).count();
        return ties > 1 ? " (" + ties + " trials tie at the best " + key + ")" : "";
    }

    private BestRecord modelRecord(TrialResult best, ModelDelivery delivery, SanityBaseline baseline,
                                   Map<String, Object> strategyReport) {
        Map<String, Object> extra = new LinkedHashMap<>(strategyReport);
        extra.put("baseline", baseline.report());
        if (!dataDrivenReport.isEmpty()) {
            extra.put("data_driven", dataDrivenReport);
        }
        extra.put("final_model", delivery.report());
        return new BestRecord(settings.runId(), best.id(), best.configuration(), best.metrics(),
                delivery.delivered() ? delivery.model().test() : Map.of(), extra);
    }

    private static List<String> deliveryLines(ModelDelivery delivery) {
        List<String> lines = new ArrayList<>();
        delivery.failures().forEach(reason -> lines.add("fallback: " + reason));
        if (!delivery.delivered()) {
            lines.add("final model: none (" + delivery.source() + ")");
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "final model: %s, trial %d, %d epochs in %.1fs; test %s",
                delivery.source(), delivery.trial().id(), (int) delivery.trial().metric(MetricKeys.BEST_EPOCH),
                delivery.model().trainSeconds(), delivery.model().test()));
        return lines;
    }

    /** Writes the model as a Spark ML model; returns the summary line, or null when saving is off. */
    private String saveModel(SparkContext spark, PreparedData data, RunDirectory runDirectory, double[] theta)
            throws IOException {
        if (!settings.finish().saveModel()) {
            return null;
        }
        MLWritable mllib = MllibModelExporter.toMllib(settings.model().loss(), theta, data);
        org.apache.hadoop.fs.Path target = runDirectory.resolve("model");
        // A resumed run may find the model an interrupted attempt saved; the run is not finished, so replace it.
        target.getFileSystem(spark.hadoopConfiguration()).delete(target, true);
        MllibModelExporter.save(settings.model().loss(), mllib, target, spark);
        return "model: " + runDirectory.resolve("model") + " (" + mllib.getClass().getSimpleName()
                + ", load with " + mllib.getClass().getSimpleName() + ".load(path))";
    }
}
