package org.sparkhpo.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on this machine, built from the Maven test classpath (no Spark download):
 * a {@link SparkHome} whose {@code jars/} links every jar of the classpath, one master and {@code n} workers
 * (one core, 1 GB each unless told otherwise) as child JVMs on free ports, each logging to a file. Following
 * ../shared/RECIPES.md.
 *
 * <p>Lifecycle: {@link #start} returns once every worker has registered with the master; {@link #close} stops
 * every process this object started, and the executors those started, by their handles (never by name), first
 * with SIGTERM so the workers stop their executors, then with SIGKILL for whatever is left.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private final Path directory;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final String masterUrl;
    private final Path sparkHome;

    private StandaloneCluster(Path directory, int masterPort) throws IOException {
        this.directory = directory;
        this.sparkHome = SparkHome.create(directory.resolve("spark-home"));
        this.masterUrl = "spark://127.0.0.1:" + masterPort;
    }

    /**
     * @param directory an empty directory for SPARK_HOME, logs and work directories
     * @param workerCount how many workers to start
     * @return the running cluster; on failure everything started so far is stopped again
     */
    public static StandaloneCluster start(Path directory, int workerCount) throws IOException, InterruptedException {
        return start(directory, workerCount, "1g");
    }

    /**
     * @param directory an empty directory for SPARK_HOME, logs and work directories
     * @param workerCount how many workers to start
     * @param workerMemory the memory each worker offers, for example {@code 2g} when a driver runs on one
     *     ({@code --deploy-mode cluster}) next to an executor
     * @return the running cluster; on failure everything started so far is stopped again
     */
    public static StandaloneCluster start(Path directory, int workerCount, String workerMemory)
            throws IOException, InterruptedException {
        return start(directory, workerCount, workerMemory, 1);
    }

    /**
     * @param directory an empty directory for SPARK_HOME, logs and work directories
     * @param workerCount how many workers to start
     * @param workerMemory the memory each worker offers
     * @param workerCores the cores each worker offers (its executor takes them all)
     * @return the running cluster; on failure everything started so far is stopped again
     */
    public static StandaloneCluster start(Path directory, int workerCount, String workerMemory, int workerCores)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(directory, freePort());
        try {
            cluster.startProcesses(workerCount, workerMemory, workerCores);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** @return the master's URL, {@code spark://127.0.0.1:PORT} */
    public String masterUrl() {
        return masterUrl;
    }

    /**
     * Kills worker {@code index} and the executors it runs with SIGKILL, as when its machine dies.
     *
     * @return how many processes were killed (the worker and its executors)
     */
    public int killWorker(int index) throws InterruptedException {
        Process worker = workers.get(index);
        List<ProcessHandle> children = worker.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        JavaProcess.kill(worker);
        return 1 + children.size();
    }

    private void startProcesses(int workerCount, String workerMemory, int workerCores)
            throws IOException, InterruptedException {
        Map<String, String> environment = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
        int masterPort = Integer.parseInt(masterUrl.substring(masterUrl.lastIndexOf(':') + 1));
        Path masterLog = directory.resolve("master.log");
        processes.add(JavaProcess.start("org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())), "512m",
                masterLog, environment));
        awaitLog(masterLog, "I have been elected leader");
        for (int i = 0; i < workerCount; i++) {
            Path workDir = Files.createDirectories(directory.resolve("work-" + i));
            Path log = directory.resolve("worker-" + i + ".log");
            Process worker = JavaProcess.start("org.apache.spark.deploy.worker.Worker", List.of(masterUrl,
                    "--host", "127.0.0.1", "--cores", Integer.toString(workerCores), "--memory", workerMemory,
                    "--webui-port", Integer.toString(freePort()), "--work-dir", workDir.toString()), "512m", log,
                    environment);
            processes.add(worker);
            workers.add(worker);
        }
        for (int i = 0; i < workerCount; i++) {
            awaitLog(directory.resolve("worker-" + i + ".log"), "Successfully registered with master");
        }
    }

    private void awaitLog(Path log, String line) throws InterruptedException {
        JavaProcess.await("'" + line + "' in " + log, STARTUP, () -> JavaProcess.contains(log, line)
                || processes.stream().anyMatch(p -> !p.isAlive()));
        if (processes.stream().anyMatch(p -> !p.isAlive()) && !JavaProcess.contains(log, line)) {
            throw new IllegalStateException("a cluster process ended during start-up; " + log + ":\n"
                    + JavaProcess.tail(log));
        }
    }

    /** @return a TCP port that was free a moment ago */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return the cluster's SPARK_HOME ({@link SparkHome}), whose {@code bin/spark-submit} submits to it */
    public Path sparkHome() {
        return sparkHome;
    }

    /** @return where the processes log, for failure messages */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> executors = new ArrayList<>();
        for (Process process : processes) {
            executors.addAll(process.descendants().toList());
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                JavaProcess.kill(process);
            }
        }
        executors.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
