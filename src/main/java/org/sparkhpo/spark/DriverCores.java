package org.sparkhpo.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The cores the driver may use for its own work (the final retraining), read from the master and the
 * configuration the way Spark sizes a driver: N of {@code local[N]} or {@code local[N, F]}, the machine's cores
 * for {@code local[*]}, 1 for {@code local}, else {@code spark.driver.cores} (default 1; the cores a cluster
 * manager grants a driver in cluster mode, and the polite share of a client machine otherwise), never more than
 * the JVM sees. Spark's own {@code SparkContext.numDriverCores} ({@code private[spark]}) reads local masters the
 * same way but counts {@code spark.driver.cores} only in cluster deploy mode; here a client-mode driver gets it
 * too (default 1), so a driver on a shared edge node stays on one core unless told otherwise.
 */
public final class DriverCores {
    private static final Pattern LOCAL = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*[0-9]+\\s*)?]");

    private DriverCores() {
    }

    /**
     * @param master the Spark master URL
     * @param conf the Spark configuration
     * @param available the cores the JVM sees
     * @return the driver's cores, in [1, available]
     */
    public static int of(String master, SparkConf conf, int available) {
        int cores;
        Matcher local = LOCAL.matcher(master);
        if (master.equals("local")) {
            cores = 1;
        } else if (local.matches()) {
            cores = local.group(1).equals("*") ? available : Integer.parseInt(local.group(1));
        } else {
            cores = conf.getInt("spark.driver.cores", 1);
        }
        return Math.max(1, Math.min(cores, available));
    }
}
