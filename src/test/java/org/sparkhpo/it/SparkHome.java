package org.sparkhpo.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory serving as {@code SPARK_HOME}, built from this JVM's classpath (no Spark download): {@code jars/}
 * links every jar of the classpath, and {@code bin/spark-submit} (copied from the test resource
 * {@code spark-home/bin/spark-submit}) does what Spark's own {@code bin/spark-class} does: it asks
 * {@code org.apache.spark.launcher.Main} for the java command that runs {@code org.apache.spark.deploy.SparkSubmit}
 * (classpath from {@code jars/}, {@code --driver-memory} and {@code --driver-java-options} applied in client
 * mode, the Java 17 module options added) and executes it. Following ../shared/RECIPES.md.
 */
public final class SparkHome {
    private SparkHome() {
    }

    /**
     * @param directory where to create it (created when missing)
     * @return the SPARK_HOME directory
     */
    public static Path create(Path directory) throws IOException {
        Path jars = Files.createDirectories(directory.resolve("jars"));
        for (String entry : JavaProcess.classpath().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName().toString());
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        Path submit = Files.createDirectories(directory.resolve("bin")).resolve("spark-submit");
        try (InputStream script = SparkHome.class.getResourceAsStream("/spark-home/bin/spark-submit")) {
            if (script == null) {
                throw new IllegalStateException("the test resource spark-home/bin/spark-submit is missing");
            }
            Files.copy(script, submit, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }
}
