package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.spark.ParquetCopy;
import org.sparkhpo.spark.SparkSessions;

/**
 * The job end to end on Spark inputs: the embedded Fashion-MNIST subset copied to Parquet by
 * {@link ParquetCopy}, and the same rows saved as tables of the built-in {@code spark_catalog} with a warehouse
 * directory in the test's temporary directory. Both runs journal exactly the trials (validation accuracy of
 * every trial, test accuracy of the final model) of the run on the IDX files, since the rows arrive in the
 * same order. Bad Spark inputs end with exit code 2 and one line naming the table or file and the column,
 * and nothing is written.
 */
class ParquetJobTest {
    private static final String EMBEDDED = "data/fashion-mnist-small/";

    @TempDir
    static Path dir;

    private static JsonNode idxBest;
    private static List<Double> idxValidation;

    private static List<String> common(String runId) {
        return new ArrayList<>(List.of(
                "conf/local.conf",
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.training.epochs=2",
                "--set", "hpo.search.space=[{name=learning-rate, values=[0.002, 0.01]}]",
                "--set", "hpo.output.dir=" + dir.resolve("runs"),
                "--set", "hpo.run-id=" + runId));
    }

    private static int run(List<String> args) {
        return HpoJob.run(args.toArray(new String[0]));
    }

    private static SparkSession session(Path warehouse) {
        SparkConf conf = SparkSessions.configure(new SparkConf(), new SparkSettings("local[2]", "parquet-test", "WARN",
                SparkSettings.AUTO_PACK_SIZE))
                .set("spark.ui.enabled", "false")
                .set("spark.sql.warehouse.dir", warehouse.toUri().toString());
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        SparkSessions.quietLogs("WARN");
        return spark;
    }

    @BeforeAll
    static void copyToParquetAndRunOnIdx() throws IOException {
        ParquetCopy.main(new String[] {EMBEDDED + "train-images-idx3-ubyte.gz", dir.resolve("train.parquet").toString(),
                EMBEDDED + "t10k-images-idx3-ubyte.gz", dir.resolve("test.parquet").toString()});
        SparkSessions.stopActive();
        assertEquals(0, run(common("idx")));
        idxBest = best("idx");
        idxValidation = validationAccuracies("idx");
    }

    private static JsonNode best(String runId) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("runs").resolve(runId).resolve("best.json").toFile());
    }

    private static List<Double> validationAccuracies(String runId) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Double> accuracies = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("runs").resolve(runId).resolve("trials.jsonl"))) {
            JsonNode trial = mapper.readTree(line);
            accuracies.add(trial.get("id").asInt() * 10.0 + trial.get("metrics").get("val_accuracy").asDouble());
        }
        accuracies.sort(Double::compare);
        return accuracies;
    }

    private void assertSameTrialsAsIdx(String runId) throws IOException {
        assertEquals(2, idxValidation.size());
        assertEquals(idxValidation, validationAccuracies(runId));
        assertEquals(idxBest.get("trial_id"), best(runId).get("trial_id"));
        assertEquals(idxBest.get("test").get("accuracy").asDouble(), best(runId).get("test").get("accuracy").asDouble());
    }

    @Test
    void parquetFilesGiveTheTrialsOfTheIdxFiles() throws IOException {
        List<String> args = common("parquet");
        args.addAll(List.of("--set", "hpo.data.format=parquet",
                "--set", "hpo.data.train=" + dir.resolve("train.parquet"),
                "--set", "hpo.data.test=" + dir.resolve("test.parquet")));
        assertEquals(0, run(args));
        assertSameTrialsAsIdx("parquet");
    }

    @Test
    void catalogTablesGiveTheTrialsOfTheIdxFiles() throws IOException {
        SparkSession spark = session(dir.resolve("warehouse"));
        spark.read().parquet(dir.resolve("train.parquet").toString()).write().saveAsTable("default.fm_train");
        spark.read().parquet(dir.resolve("test.parquet").toString()).write().saveAsTable("default.fm_test");
        assertTrue(Files.isDirectory(dir.resolve("warehouse").resolve("fm_train")), "table files in the warehouse");
        List<String> args = common("table");
        args.addAll(List.of("--set", "hpo.data.train=table:default.fm_train",
                "--set", "hpo.data.test=table:default.fm_test"));
        assertEquals(0, run(args));
        assertSameTrialsAsIdx("table");
    }

    @Test
    void badSparkInputsExitWithCodeTwoNamingTheInputAndColumn() {
        session(dir.resolve("warehouse-bad"));
        List<String> missingTable = common("missing-table");
        missingTable.addAll(List.of("--set", "hpo.data.train=table:default.no_such_table"));
        assertBadInput(missingTable, "missing-table", "table:default.no_such_table", "does not exist");

        SparkSession spark = session(dir.resolve("warehouse-bad"));
        String stringLabels = dir.resolve("string-labels.parquet").toString();
        spark.read().parquet(dir.resolve("test.parquet").toString()).limit(10)
                .withColumn("label", functions.col("label").cast("string")).write().parquet(stringLabels);
        List<String> badLabel = common("string-label");
        badLabel.addAll(List.of("--set", "hpo.data.train=" + stringLabels, "--set", "hpo.data.format=parquet"));
        assertBadInput(badLabel, "string-label", stringLabels, "column 'label'", "has type string");
    }

    private static void assertBadInput(List<String> args, String runId, String... fragments) {
        JobRun run = JobRun.of(args);
        String message = run.stderr().trim();
        assertEquals(2, run.code(), message);
        assertTrue(message.startsWith("spark-hpo: error: "), message);
        assertEquals(1, message.lines().count(), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
        }
        assertFalse(Files.exists(dir.resolve("runs").resolve(runId)), "nothing written for " + runId);
    }
}
