package org.sparkhpo.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real HDFS and YARN on this machine, from Hadoop's own mini clusters ({@code hadoop-client-minicluster}, test
 * scope): a {@link MiniDFSCluster} with one DataNode and a {@link MiniYARNCluster} with one ResourceManager and
 * one NodeManager, started in a child JVM ({@link #main}) so that their Hadoop server classes never meet the
 * test JVM's Spark. The child writes {@code core-site.xml} and {@code yarn-site.xml} (the clusters' actual
 * addresses) into a directory that serves as {@code HADOOP_CONF_DIR} for spark-submit, then prints
 * {@value #READY}. Settings follow Spark's own YARN tests ({@code BaseYarnClusterSuite}): the capacity scheduler
 * queue that the minicluster jar lacks, no disk-utilisation check; and no memory checks, so small containers run.
 *
 * <p>Lifecycle: {@link #start} returns once the child printed {@value #READY}; {@link #close} kills the child and
 * every process it started (the containers), by their handles.
 */
public final class HadoopMiniCluster implements AutoCloseable {
    static final String READY = "HADOOP MINI CLUSTER READY";
    private static final Duration STARTUP = Duration.ofSeconds(360);
    private final Process process;
    private final Path confDirectory;

    private HadoopMiniCluster(Process process, Path confDirectory) {
        this.process = process;
        this.confDirectory = confDirectory;
    }

    /**
     * @param directory an empty directory for the clusters' data, the configuration and the log
     * @return the running clusters
     */
    public static HadoopMiniCluster start(Path directory) throws IOException, InterruptedException {
        Path conf = Files.createDirectories(directory.resolve("hadoop-conf"));
        Path log = directory.resolve("hadoop.log");
        Process process = JavaProcess.start(HadoopMiniCluster.class.getName(), List.of(directory.toString()),
                "1g", log, Map.of(), directory);
        HadoopMiniCluster cluster = new HadoopMiniCluster(process, conf);
        try {
            JavaProcess.await(READY + " in " + log, STARTUP,
                    () -> JavaProcess.contains(log, READY) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("the Hadoop mini cluster ended during start-up:\n"
                        + JavaProcess.tail(log));
            }
            return cluster;
        } catch (RuntimeException | AssertionError | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    /** @return the directory holding core-site.xml and yarn-site.xml, for HADOOP_CONF_DIR */
    public Path confDirectory() {
        return confDirectory;
    }

    /** @return the HDFS URI, {@code hdfs://127.0.0.1:PORT} */
    public String hdfs() throws IOException {
        String site = Files.readString(confDirectory.resolve("core-site.xml"));
        return site.replaceAll("(?s).*<name>fs.defaultFS</name>\\s*<value>([^<]+)</value>.*", "$1");
    }

    /**
     * @return the JVMs of the YARN containers running a Spark executor (not the shells that launched them), as
     *     processes of this machine
     */
    public List<ProcessHandle> executors() {
        return process.descendants().filter(handle -> {
            String commandLine = commandLine(handle);
            String program = commandLine.contains("\0") ? commandLine.substring(0, commandLine.indexOf('\0')) : "";
            return program.endsWith("/java") && commandLine.contains("YarnCoarseGrainedExecutorBackend");
        }).toList();
    }

    /** @return the process's whole command line from /proc (ProcessHandle.Info may leave it out) */
    private static String commandLine(ProcessHandle handle) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            JavaProcess.kill(process);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The child JVM: starts HDFS and YARN, writes their configuration, prints {@value #READY} and runs until
     * killed.
     *
     * @param args the directory for data and configuration
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Configuration hdfsConf = new Configuration();
        hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, directory.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(hdfsConf).numDataNodes(1).build();
        hdfs.waitActive();
        String defaultFs = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();

        YarnConfiguration yarnConf = new YarnConfiguration();
        yarnConf.set("fs.defaultFS", defaultFs);
        yarnConf.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100.0");
        yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
        yarnConf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        yarnConf.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
        yarnConf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        yarnConf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        yarnConf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        yarnConf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        yarnConf.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        // The default 10 % of the node for ApplicationMasters is less than one Spark AM container.
        yarnConf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
        yarnConf.set("yarn.resourcemanager.hostname", "127.0.0.1");
        yarnConf.set("yarn.nodemanager.hostname", "127.0.0.1");
        yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 128);
        yarnConf.setInt("yarn.nodemanager.resource.memory-mb", 8192);
        yarnConf.setInt("yarn.nodemanager.resource.cpu-vcores", 4);
        yarnConf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
        yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        MiniYARNCluster yarn = new MiniYARNCluster("spark-hpo-yarn", 1, 1, 1);
        yarn.init(yarnConf);
        yarn.start();
        Configuration actual = yarn.getConfig();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (actual.get(YarnConfiguration.RM_ADDRESS).endsWith(":0") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        actual.set("fs.defaultFS", defaultFs);
        Path conf = Files.createDirectories(directory.resolve("hadoop-conf"));
        for (String site : new ArrayList<>(List.of("core-site.xml", "yarn-site.xml"))) {
            Path file = conf.resolve(site + ".tmp");
            try (OutputStream out = Files.newOutputStream(file)) {
                actual.writeXml(out);
            }
            Files.move(file, conf.resolve(site));
        }
        System.out.println(READY + " " + defaultFs + " " + actual.get(YarnConfiguration.RM_ADDRESS));
        Thread.currentThread().join();
    }
}
