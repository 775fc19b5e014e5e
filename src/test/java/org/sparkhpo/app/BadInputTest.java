package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad-input case of the job ends with exit code 2 and a one-line message naming the file and line, or
 * the key, and the value; no stack trace is printed and no output is written.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String stderr) {
    }

    private Outcome run(String... args) {
        JobRun run = JobRun.of(args);
        return new Outcome(run.code(), run.stderr());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs on a data file with a small valid search, so only the data can be at fault. */
    private Outcome runOnData(Path data, String loss, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--set", "hpo.data.train=" + data,
                "--set", "hpo.data.test=",
                "--set", "hpo.model.loss=" + loss,
                "--set", "hpo.metric.name=" + (loss.equals("least-squares") ? "rmse" : "accuracy"),
                "--set", "hpo.output.dir=" + dir.resolve("runs"),
                "--set", "hpo.search.space=[{name=l2, values=[0.001]}]"));
        for (String e : extra) {
            args.add("--set");
            args.add(e);
        }
        return run(args.toArray(new String[0]));
    }

    private void assertBadInput(Outcome outcome, String... fragments) {
        assertEquals(2, outcome.code(), "exit code; stderr was: " + outcome.stderr());
        String message = outcome.stderr().trim();
        assertTrue(message.startsWith("spark-hpo: error: "), message);
        assertEquals(1, message.lines().count(), "one line, no stack trace: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
        }
        assertFalse(Files.exists(dir.resolve("runs")), "nothing may be written");
    }

    static Stream<Arguments> dataCases() {
        return Stream.of(
                Arguments.of("empty.csv", "", "softmax", "file is empty"),
                Arguments.of("header-only.csv", "a,b,label\n", "softmax", "no data rows"),
                Arguments.of("bad-number.csv", "a,b,label\n1,2,0\n1,x7,1\n", "softmax", ":3"),
                Arguments.of("ragged.csv", "a,b,label\n1,2,0\n1,2,3,1\n", "softmax", ":3"),
                Arguments.of("nan.csv", "a,b,label\n1,2,0\nNaN,2,1\n", "softmax", ":3"),
                Arguments.of("no-label.csv", "a,b,label\n1,2,0\n1,2,\n", "softmax", ":3"),
                Arguments.of("index0.libsvm", "0 1:1 2:2\n1 0:1\n", "logistic", ":2"),
                Arguments.of("index-text.libsvm", "0 1:1 2:2\n1 a:1\n", "logistic", ":2"),
                Arguments.of("label-range.libsvm", "0 1:1\n2 1:2\n", "logistic", "2.0"),
                Arguments.of("one-class.csv", "a,b,label\n1,2,0\n3,4,0\n5,6,0\n", "softmax", "only one class"),
                Arguments.of("inf.libsvm", "0 1:1\n1 1:Infinity\n", "logistic", ":2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataCases")
    void badDataEndsWithExitTwoNamingTheFile(String name, String content, String loss, String fragment)
            throws IOException {
        Path file = write(name, content);
        assertBadInput(runOnData(file, loss), name, fragment);
    }

    @Test
    void missingDataFile() {
        assertBadInput(runOnData(dir.resolve("absent.csv"), "softmax"), "absent.csv", "does not exist");
    }

    @Test
    void labelOutOfRangeForTheClassCount() throws IOException {
        Path file = write("classes.csv", "a,label\n1,0\n2,1\n3,7\n");
        assertBadInput(runOnData(file, "softmax", "hpo.model.num-classes=3"), "classes.csv", "7");
    }

    static Stream<Arguments> settingCases() {
        return Stream.of(
                Arguments.of("hpo.search.strategy=annealing", "hpo.search.strategy", "annealing"),
                Arguments.of("hpo.model.loss=poisson", "hpo.model.loss", "poisson"),
                Arguments.of("hpo.training.schedule=warp", "hpo.training.schedule", "warp"),
                Arguments.of("hpo.search.space=[{name=learning-rate, low=0, high=0.1, scale=log}]",
                        "hpo.search.space[0]", "must be > 0 for a log scale"),
                Arguments.of("hpo.search.space=[{name=l2, low=0.1, high=0.01}]", "hpo.search.space[0]",
                        "must be <= high"),
                Arguments.of("hpo.search.space=[]", "hpo.search.space", "empty"),
                Arguments.of("hpo.search.space=[{name=l2, values=[]}]", "hpo.search.space[0]", "empty"),
                Arguments.of("hpo.training.momentum=1.0", "momentum", "1.0"),
                Arguments.of("hpo.search.space=[{name=momentum, values=[0.5, 1.2]}]", "momentum", "1.2"),
                Arguments.of("hpo.training.batch-size=0", "batch-size", "0"),
                Arguments.of("hpo.search.trials=0", "hpo.search.trials", "0"),
                Arguments.of("hpo.finish.threads=all", "hpo.finish.threads", "must be auto or an integer in [1, 64]"),
                Arguments.of("hpo.finish.threads=0", "hpo.finish.threads", "0"),
                Arguments.of("hpo.data.shuffle=true", "hpo.data.shuffle", "not a known key"),
                Arguments.of("hpo.search.tpe.multivariate=sometimes", "hpo.search.tpe.multivariate",
                        "must be true or false"),
                Arguments.of("hpo.search.bayes.output-warping=log", "hpo.search.bayes.output-warping", "'log'"),
                Arguments.of("hpo.search.bayes.lcb-kappa=-1", "hpo.search.bayes.lcb-kappa", "-1"),
                Arguments.of("hpo.search.bayes.length-scale-prior=botorch", "hpo.search.bayes.length-scale-prior",
                        "'botorch'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingCases")
    void badSettingEndsWithExitTwoNamingTheKey(String setting, String key, String fragment) {
        assertBadInput(run("--set", "hpo.output.dir=" + dir.resolve("runs"), "--set", setting), key, fragment);
    }

    @Test
    void unknownOptionAndMissingConfigFile() {
        assertBadInput(run("--frobnicate"), "--frobnicate", "unknown option");
        assertBadInput(run(dir.resolve("nope.conf").toString()), "nope.conf", "does not exist");
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path blocker = write("a-file", "not a directory");
        Outcome outcome = run("--set", "hpo.output.dir=" + blocker.resolve("runs"),
                "--set", "hpo.data.max-train-rows=500", "--set", "hpo.data.test=");
        assertEquals(2, outcome.code(), outcome.stderr());
        assertTrue(outcome.stderr().contains("hpo.output.dir"), outcome.stderr());
        assertEquals("not a directory", Files.readString(blocker));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help").code());
    }
}
