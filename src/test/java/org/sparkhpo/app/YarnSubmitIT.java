package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.it.HadoopMiniCluster;
import org.sparkhpo.it.JavaProcess;
import org.sparkhpo.it.SparkHome;
import org.sparkhpo.it.SubmitScript;
import org.sparkhpo.spark.SparkSessions;

/**
 * {@code scripts/submit.sh --master yarn} against a real YARN and HDFS ({@link HadoopMiniCluster}, started once
 * for the class), the data and {@code hpo.output.dir} on {@code hdfs://} URIs. Client mode with two executor
 * containers, one of which is killed with SIGKILL in the middle of the search: the job still exits 0 with every
 * trial journaled exactly once, and the saved model loads from HDFS with Spark ML. Cluster mode: the driver runs
 * in the ApplicationMaster's container and reads the configuration that {@code --files} put in its working
 * directory. As in Spark's own YARN tests, {@code spark.yarn.jars} names an empty local jar and the containers get
 * Spark from the machine's {@code SPARK_HOME/jars} ({@code extraClassPath}), so nothing large is uploaded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnSubmitIT {
    private static final Duration RUN = Duration.ofSeconds(420);
    private static final int TRIALS = 6;

    @TempDir
    static Path directory;
    private static HadoopMiniCluster hadoop;
    private static SubmitScript scripts;
    private static Path sparkHome;
    private static Path config;
    private static String hdfs;

    @BeforeAll
    static void startClusters() throws Exception {
        hadoop = HadoopMiniCluster.start(Files.createDirectories(directory.resolve("hadoop")));
        hdfs = hadoop.hdfs();
        sparkHome = SparkHome.create(directory.resolve("spark-home"));
        scripts = new SubmitScript(sparkHome, Files.createDirectories(directory.resolve("logs")));
        try (FileSystem fs = FileSystem.newInstance(URI.create(hdfs), new Configuration())) {
            for (String file : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")) {
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Path.of("data/fashion-mnist-small", file)
                        .toAbsolutePath().toUri()), new org.apache.hadoop.fs.Path(hdfs + "/data/" + file));
            }
        }
        config = directory.resolve("yarn-it.conf");
        Files.writeString(config, String.join("\n",
                "hpo {",
                "  data { train = \"" + hdfs + "/data/train-images-idx3-ubyte.gz\", test = \"\","
                        + " max-train-rows = 6000 }",
                "  training { epochs = 40, patience = 0 }",
                "  search { strategy = grid, parallelism = 2, space = [{name=learning-rate, values=[0.003, 0.01,"
                        + " 0.03]}, {name=l2, values=[1e-4, 1e-2]}] }",
                "  output.dir = \"" + hdfs + "/runs\"",
                "}", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        SparkSessions.stopActive();
        if (hadoop != null) {
            hadoop.close();
        }
    }

    /** @return submit.sh's arguments for YARN in {@code deployMode}, then {@code jobArguments} after "--" */
    private static List<String> submit(String deployMode, String... jobArguments) throws IOException {
        Path emptyJar = Files.write(directory.resolve("empty-spark.jar"), new byte[0]);
        String classpath = sparkHome.resolve("jars") + "/*";
        List<String> command = new ArrayList<>(List.of("scripts/submit.sh", "--master", "yarn",
                "--deploy-mode", deployMode, "--config", config.toString(),
                "--driver-memory", "600m", "--executor-memory", "600m", "--num-executors", "2",
                "--executor-cores", "1",
                "--conf", "spark.yarn.jars=local:" + emptyJar,
                "--conf", "spark.driver.extraClassPath=" + classpath,
                "--conf", "spark.executor.extraClassPath=" + classpath,
                "--conf", "spark.ui.enabled=false", "--"));
        command.addAll(List.of(jobArguments));
        return command;
    }

    private static Map<String, String> hadoopEnvironment() {
        return Map.of("HADOOP_CONF_DIR", hadoop.confDirectory().toString(),
                "YARN_CONF_DIR", hadoop.confDirectory().toString());
    }

    private static List<String> hdfsLines(String path) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(URI.create(hdfs), new Configuration());
             FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(hdfs + path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void assertEveryTrialOnce(String runId) throws IOException {
        List<String> journal = hdfsLines("/runs/" + runId + "/trials.jsonl");
        assertEquals(TRIALS, journal.size(), String.join("\n", journal));
        assertEquals(TRIALS, journal.stream().map(line -> line.substring(0, line.indexOf(','))).distinct().count(),
                "every trial exactly once");
        assertTrue(journal.stream().allMatch(line -> line.contains("\"state\":\"COMPLETE\"")), journal.toString());
    }

    @Test
    @Order(1)
    void clientModeSurvivesAKilledExecutorContainerAndSavesALoadableModelOnHdfs() throws Exception {
        Path log = scripts.log("client");
        Process driver = scripts.start("client", hadoopEnvironment(), submit("client", "--set", "hpo.run-id=client"));
        JavaProcess.await("the search under way on two executor containers (log: " + log + ")", RUN,
                () -> !driver.isAlive() || (JavaProcess.contains(log, "progress: run directory:")
                        && hadoop.executors().size() == 2));
        List<ProcessHandle> executors = hadoop.executors();
        String beforeKill = JavaProcess.tail(log);
        executors.get(0).destroyForcibly();
        SubmitScript.Result result = scripts.finish("client", driver, RUN);

        assertEquals(2, executors.size(), "two executor containers ran: " + executors);
        assertTrue(!beforeKill.contains("progress: [" + TRIALS + "/"), "the kill must land mid-run:\n" + beforeKill);
        assertTrue(JavaProcess.contains(log, "Lost executor"), "the driver lost the killed executor:\n" + result.log());
        assertEquals(0, result.code(), result.log());
        assertEveryTrialOnce("client");
        assertTrue(hdfsLines("/runs/client/run.json").toString().contains("\"finished\""));

        SparkSession session = SparkSession.builder()
                .config(SparkSessions.configure(new org.apache.spark.SparkConf(),
                        new SparkSettings("local[1]", "yarn-it-model", "WARN", SparkSettings.AUTO_PACK_SIZE)))
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        LogisticRegressionModel model = LogisticRegressionModel.load(hdfs + "/runs/client/model");
        assertEquals(10, model.numClasses());
        assertEquals(784, model.numFeatures());
        session.stop();
    }

    @Test
    @Order(2)
    void clusterModeRunsTheDriverInTheApplicationMasterWithTheShippedConfiguration() throws Exception {
        SubmitScript.Result result = scripts.finish("cluster", scripts.start("cluster", hadoopEnvironment(),
                submit("cluster", "--set", "hpo.run-id=cluster", "--set", "hpo.finish.save-model=false")), RUN);

        assertEquals(0, result.code(), result.log());
        assertTrue(result.log().contains("final status: SUCCEEDED"), result.log());
        assertEveryTrialOnce("cluster");
    }
}
