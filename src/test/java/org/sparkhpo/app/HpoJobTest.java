package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.spark.SparkSessions;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.Metric;

/**
 * The job end to end on the embedded Fashion-MNIST subset (reduced to 3,000 training rows and 4 trials to stay
 * quick): every output of DESIGN.md section 3 is written, a second run with the same seed journals the same
 * trials, and the saved model loads with Spark ML in a new session and predicts what our model predicts.
 */
class HpoJobTest {
    @TempDir
    static Path output;

    private static final List<String> COMMON = List.of(
            "conf/local.conf",
            "--set", "hpo.spark.master=local[2]",
            "--set", "hpo.data.max-train-rows=3000",
            "--set", "hpo.training.epochs=4",
            "--set", "hpo.search.space=[{name=learning-rate, values=[0.002, 0.01]}, {name=l2, values=[1e-4, 1e-3]}]");

    private static int runJob(String runId) {
        List<String> args = new ArrayList<>(COMMON);
        args.addAll(List.of("--set", "hpo.output.dir=" + output, "--set", "hpo.run-id=" + runId));
        return HpoJob.run(args.toArray(new String[0]));
    }

    @BeforeAll
    static void runTwice() {
        assertEquals(0, runJob("first"));
        assertEquals(0, runJob("second"));
    }

    @Test
    void everyOutputIsWritten() throws IOException {
        Path run = output.resolve("first");
        for (String name : List.of("trials.jsonl", "trials.csv", "best.json", "summary.txt", "model/metadata",
                "report.html")) {
            assertTrue(Files.exists(run.resolve(name)), name);
        }
        assertEquals(4, Files.readAllLines(run.resolve("trials.jsonl")).size());
        assertEquals(5, Files.readAllLines(run.resolve("trials.csv")).size());
        JsonNode best = new ObjectMapper().readTree(run.resolve("best.json").toFile());
        assertEquals("first", best.get("run_id").asText());
        assertTrue(best.get("test").get("accuracy").asDouble() > 0.7, best.toString());
        assertTrue(Files.readString(run.resolve("summary.txt")).contains("4 complete"));
        assertTrue(Files.readString(run.resolve("report.html")).contains("\"status\":\"finished\""));
        for (String line : Files.readAllLines(run.resolve("trials.jsonl"))) {
            JsonNode trial = new ObjectMapper().readTree(line);
            assertEquals(trial.get("metrics").get("epochs").asInt(), trial.get("curve").size(), line);
            assertTrue(trial.get("finished_seconds").asDouble() > 0, line);
        }
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary files");
        }
    }

    @Test
    void theSameSeedJournalsTheSameTrialsApartFromTimings() throws IOException {
        List<String> first = withoutTimings(Files.readAllLines(output.resolve("first/trials.jsonl")));
        List<String> second = withoutTimings(Files.readAllLines(output.resolve("second/trials.jsonl")));
        first.sort(null);
        second.sort(null);
        assertEquals(first, second);
    }

    private static List<String> withoutTimings(List<String> lines) {
        List<String> cleaned = new ArrayList<>();
        for (String line : lines) {
            cleaned.add(line.replaceAll("\"(train_seconds|predict_ms_per_1000|finished_seconds)\":[0-9.Ee-]+", "\"$1\":_"));
        }
        return cleaned;
    }

    @Test
    void theSavedModelLoadsInANewSessionAndPredictsTheSameLabels() throws IOException {
        List<String> overrides = new ArrayList<>();
        for (int i = 2; i < COMMON.size(); i += 2) {
            overrides.add(COMMON.get(i));
        }
        JobSettings settings = SettingsLoader.load("conf/local.conf", overrides);
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        LabeledData test = data.test();
        assertNotNull(test);
        // Our predictions on standardized test rows; Spark ML's on raw rows (standardization folded in).
        double[] expected = ourPredictions(settings, output.resolve("first"), data);

        SparkSession session = SparkSession.builder().master("local[1]").appName("load-test")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            LogisticRegressionModel model = LogisticRegressionModel.load(output.resolve("first/model").toString());
            Dataset<Row> frame = session.createDataFrame(rawRows(settings), new StructType(new StructField[] {
                    new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())}));
            List<Row> predicted = model.transform(frame).select("prediction").collectAsList();
            double[] actual = predicted.stream().mapToDouble(r -> r.getDouble(0)).toArray();
            assertArrayEquals(expected, actual, 0.0);
        } finally {
            SparkSessions.stopActive();
        }
    }

    /**
     * Predicts the test rows with the best configuration retrained exactly as the job did: on train + validation,
     * on local[2]'s two driver cores ({@code hpo.finish.threads = auto}).
     */
    private static double[] ourPredictions(JobSettings settings, Path run, PreparedData data) throws IOException {
        JsonNode best = new ObjectMapper().readTree(run.resolve("best.json").toFile());
        var trial = org.sparkhpo.report.TrialJournal.open(org.sparkhpo.report.RunDirectory.open(
                output.toString(), "first", new org.apache.hadoop.conf.Configuration()))
                .find(best.get("trial_id").asInt()).orElseThrow();
        FinalModel model = FinalModel.train(trial, settings.fixed(), settings.model().loss(), settings.stopping(),
                data, true, org.sparkhpo.train.BlockOrder.seedOf(settings.seed()), 2);
        SgdTrainer trainer = new SgdTrainer(settings.model().loss(), Metric.ACCURACY, settings.stopping(),
                data.numClasses());
        double[] predictions = new double[data.test().rows()];
        trainer.evaluator(data.test()).predict(model.theta(), predictions);
        return predictions;
    }

    private static List<Row> rawRows(JobSettings settings) {
        LabeledData raw = org.sparkhpo.data.IdxReader.read(settings.data().test(),
                org.sparkhpo.data.IdxReader.labelsLocationFor(settings.data().test()));
        List<Row> rows = new ArrayList<>();
        int d = raw.features().columns();
        for (int r = 0; r < raw.rows(); r++) {
            double[] values = new double[d];
            for (int c = 0; c < d; c++) {
                values[c] = raw.features().get(r, c);
            }
            rows.add(RowFactory.create(Vectors.dense(values)));
        }
        return rows;
    }
}
