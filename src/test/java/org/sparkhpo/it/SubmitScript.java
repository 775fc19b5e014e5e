package org.sparkhpo.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code scripts/} ({@code submit.sh}, {@code nightly.sh}) as a user would, with
 * {@code SPARK_HOME} pointing at a {@link SparkHome} so that its {@code bin/spark-submit} is used, output going to a
 * log file. The caller owns a started {@link Process} and stops it by that handle, never by name.
 */
public final class SubmitScript {
    private final Path sparkHome;
    private final Path logDirectory;

    /** How a finished script ended: its exit code and its log. */
    public record Result(int code, String log) {
    }

    /**
     * @param sparkHome the SPARK_HOME whose {@code bin/spark-submit} the scripts use
     * @param logDirectory where the logs go, one file per run named after it
     */
    public SubmitScript(Path sparkHome, Path logDirectory) {
        this.sparkHome = sparkHome;
        this.logDirectory = logDirectory;
    }

    /** @return the log file of the run called {@code name} */
    public Path log(String name) {
        return logDirectory.resolve(name + ".log");
    }

    /**
     * @param name names the log file
     * @param environment extra environment variables
     * @param command the script and its arguments, for example {@code scripts/submit.sh --master ...}
     * @return the started script
     */
    public Process start(String name, Map<String, String> environment, List<String> command) throws IOException {
        List<String> bash = new ArrayList<>(List.of("bash"));
        bash.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(bash).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().remove("SPARK_SUBMIT");
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Waits for a started script.
     *
     * @throws AssertionError when it does not end within {@code timeout} (it is then killed with its children)
     */
    public Result finish(String name, Process process, Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree(process);
            throw new AssertionError(name + " did not end within " + timeout + ":\n" + JavaProcess.tail(log(name)));
        }
        return new Result(process.exitValue(), JavaProcess.tail(log(name)));
    }

    /** Runs the script to its end. */
    public Result run(String name, Duration timeout, List<String> command) throws IOException, InterruptedException {
        return finish(name, start(name, Map.of(), command), timeout);
    }

    /**
     * Sends a signal to {@code process} alone, for example {@code STOP} to hold it still and {@code CONT} to let it
     * go on.
     */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Kills {@code process} and every process it started with SIGKILL, as when the machine of a driver dies. */
    public static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        JavaProcess.kill(process);
    }
}
