package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/submit.sh} without a Spark installation: the scripts parse ({@code bash -n}), and
 * {@code --dry-run} prints a spark-submit command, valid shell, that ships the jar, the configuration and the
 * log4j2 file, selects them with {@code -Dconfig.file} and {@code -Dlog4j2.configurationFile} (the copy in the
 * working directory in YARN cluster mode, the absolute path on a standalone master, which spark-submit then waits
 * for), passes the Java 17 options to the driver and the executors, and hands
 * spark-submit and job arguments through in order.
 */
class SubmitScriptTest {
    private record Result(int code, String output) {
    }

    private static Result bash(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** @return the words of the dry-run command, as the shell would split them */
    private static List<String> dryRun(String arguments) throws IOException, InterruptedException {
        Result result = bash("-c", "eval \"set -- $(scripts/submit.sh --dry-run " + arguments + ")\"; "
                + "printf '%s\\n' \"$@\"");
        assertEquals(0, result.code(), result.output());
        return result.output().lines().toList();
    }

    @Test
    void everyScriptParses() throws Exception {
        for (String script : List.of("scripts/submit.sh", "scripts/nightly.sh", "scripts/run-local.sh")) {
            Result result = bash("-n", script);
            assertEquals(0, result.code(), script + ": " + result.output());
        }
    }

    @Test
    void clusterModeShipsTheConfigurationAndSelectsTheCopyInTheWorkingDirectory() throws Exception {
        List<String> words = dryRun("--master yarn --deploy-mode cluster --config conf/local.conf "
                + "--num-executors 8 -- --set hpo.search.trials=5");
        String root = Path.of("").toAbsolutePath().toString();

        assertEquals(List.of("spark-submit", "--master", "yarn", "--deploy-mode", "cluster", "--class",
                "org.sparkhpo.app.HpoJob", "--files", root + "/conf/log4j2.properties," + root + "/conf/local.conf"),
                words.subList(0, 9));
        String driverOptions = words.get(words.indexOf("--driver-java-options") + 1);
        assertTrue(driverOptions.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), driverOptions);
        assertTrue(driverOptions.endsWith("-Dlog4j2.configurationFile=log4j2.properties -Dconfig.file=local.conf"),
                driverOptions);
        assertTrue(words.contains("spark.executor.extraJavaOptions=" + driverOptions.substring(0,
                driverOptions.indexOf(" -Dconfig.file"))), words.toString());
        assertEquals(List.of("--num-executors", "8", root + "/target/spark-hpo-0.1.0-SNAPSHOT.jar", "--set",
                "hpo.search.trials=5"), words.subList(words.size() - 5, words.size()));
    }

    @Test
    void clientModeSelectsTheLocalFiles() throws Exception {
        List<String> words = dryRun("--master spark://m:7077 --config conf/local.conf");
        String root = Path.of("").toAbsolutePath().toString();

        String driverOptions = words.get(words.indexOf("--driver-java-options") + 1);
        assertTrue(driverOptions.endsWith("-Dlog4j2.configurationFile=" + root + "/conf/log4j2.properties"
                + " -Dconfig.file=" + root + "/conf/local.conf"), driverOptions);
        assertEquals("client", words.get(words.indexOf("--deploy-mode") + 1));
    }

    @Test
    void standaloneClusterModeSelectsTheFilesByAbsolutePathAndWaitsForTheDriver() throws Exception {
        List<String> words = dryRun("--master spark://m:7077 --deploy-mode cluster --config conf/local.conf");
        List<String> onYarn = dryRun("--master yarn --deploy-mode cluster --config conf/local.conf");
        String root = Path.of("").toAbsolutePath().toString();

        String driverOptions = words.get(words.indexOf("--driver-java-options") + 1);
        assertTrue(driverOptions.endsWith("-Dlog4j2.configurationFile=" + root + "/conf/log4j2.properties"
                + " -Dconfig.file=" + root + "/conf/local.conf"), driverOptions);
        assertTrue(words.contains("spark.standalone.submit.waitAppCompletion=true"), words.toString());
        assertTrue(onYarn.stream().noneMatch(word -> word.startsWith("spark.standalone")), onYarn.toString());
    }

    @Test
    void aMissingMasterOrConfigurationIsRefused() throws Exception {
        Result noMaster = bash("scripts/submit.sh", "--dry-run");
        Result noConfig = bash("scripts/submit.sh", "--master", "yarn", "--config", "conf/none.conf", "--dry-run");

        assertEquals(2, noMaster.code());
        assertTrue(noMaster.output().contains("--master is required"), noMaster.output());
        assertEquals(2, noConfig.code());
        assertTrue(noConfig.output().contains("--config 'conf/none.conf': file does not exist"), noConfig.output());
    }
}
