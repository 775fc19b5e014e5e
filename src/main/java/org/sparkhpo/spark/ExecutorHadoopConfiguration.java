package org.sparkhpo.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * Builds a Hadoop configuration inside a task, where the driver's {@code hadoopConfiguration()} is not
 * available (a {@link Configuration} is not serializable): the defaults and {@code *-site.xml} files on the
 * executor's class path, overlaid with the Spark configuration's {@code spark.hadoop.*} keys with the prefix
 * removed, as Spark itself does (so {@code spark.hadoop.fs.s3a.*} settings reach the checkpoint store).
 */
final class ExecutorHadoopConfiguration {
    private static final String PREFIX = "spark.hadoop.";

    private ExecutorHadoopConfiguration() {
    }

    /** @return a fresh configuration for this executor */
    static Configuration create() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> entry : env.conf().getAll()) {
                if (entry._1().startsWith(PREFIX)) {
                    conf.set(entry._1().substring(PREFIX.length()), entry._2());
                }
            }
        }
        return conf;
    }
}
