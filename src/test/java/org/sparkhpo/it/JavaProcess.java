package org.sparkhpo.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts a class's {@code main} in a child JVM with this JVM's classpath and the JVM options Spark needs on
 * Java 17 (the pom's {@code spark.jvm.options}, handed to the tests as a system property), its output going to a
 * log file. The caller owns the returned {@link Process} and stops it by that handle, never by name.
 */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** @return this JVM's classpath, every entry (failsafe passes it whole: {@code useManifestOnlyJar=false}) */
    public static String classpath() {
        return System.getProperty("java.class.path");
    }

    /** @return the JVM options Spark needs on Java 17, one per element */
    public static List<String> sparkJvmOptions() {
        String options = System.getProperty("spark.jvm.options", "").trim();
        if (options.isEmpty()) {
            throw new IllegalStateException("the system property spark.jvm.options is not set (see pom.xml)");
        }
        return Arrays.asList(options.split("\\s+"));
    }

    /**
     * @param mainClass the class to run
     * @param args its arguments
     * @param heap the heap size, for example {@code 1g}
     * @param log where stdout and stderr go
     * @param environment extra environment variables
     * @return the started process
     */
    public static Process start(String mainClass, List<String> args, String heap, Path log,
                                Map<String, String> environment) throws IOException {
        return start(mainClass, args, heap, log, environment, Path.of(""));
    }

    /**
     * @param mainClass the class to run
     * @param args its arguments
     * @param heap the heap size, for example {@code 1g}
     * @param log where stdout and stderr go
     * @param environment extra environment variables
     * @param workingDirectory the child's working directory
     * @return the started process
     */
    public static Process start(String mainClass, List<String> args, String heap, Path log,
                                Map<String, String> environment, Path workingDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(sparkJvmOptions());
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(workingDirectory.toAbsolutePath().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        return builder.start();
    }

    /** Kills {@code process} with SIGKILL (on Linux) and waits until it is gone; null is ignored. */
    public static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until {@code condition} holds, polling every 50 ms.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** @return the number of lines of {@code file}, 0 when it does not exist yet */
    public static int lineCount(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return whether the file {@code log} contains {@code text} */
    public static boolean contains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the log's content, for assertion messages; empty when it cannot be read */
    public static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
