package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.spark.SparkColumnarReader;
import org.sparkhpo.spark.SparkSessions;

/**
 * Time to read and prepare (split, standardize, single precision) the data of a configuration from its IDX
 * files and from a Parquet copy, alternating the two in one JVM and one Spark session ({@code local[2]}),
 * after one warm-up of each. Prints {@code read idx <seconds>...} and {@code read parquet <seconds>...}, then
 * the rows, features and compact size of the prepared data.
 *
 * <p>Usage: {@code ReadBenchmark CONF TRAIN_PARQUET TEST_PARQUET REPEATS}.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) {
        String conf = args[0];
        int repeats = Integer.parseInt(args[3]);
        JobSettings idx = SettingsLoader.load(conf, List.of());
        JobSettings parquet = SettingsLoader.load(conf, List.of("hpo.data.format=parquet",
                "hpo.data.train=\"" + args[1] + "\"", "hpo.data.test=\"" + args[2] + "\""));
        SparkSession spark = SparkSessions.create(new SparkSettings("local[2]", "read-benchmark", "WARN",
                SparkSettings.AUTO_PACK_SIZE));
        List<Double> idxSeconds = new ArrayList<>();
        List<Double> parquetSeconds = new ArrayList<>();
        PreparedData last = null;
        for (int i = -1; i < repeats; i++) {
            long t0 = System.nanoTime();
            prepare(idx, spark);
            long t1 = System.nanoTime();
            last = prepare(parquet, spark);
            long t2 = System.nanoTime();
            if (i >= 0) {
                idxSeconds.add((t1 - t0) / 1e9);
                parquetSeconds.add((t2 - t1) / 1e9);
            }
        }
        System.out.println("read idx" + format(idxSeconds));
        System.out.println("read parquet" + format(parquetSeconds));
        System.out.printf(Locale.ROOT, "data %d %d %d %.1f%n", last.train().rows(), last.validation().rows(),
                last.numFeatures(), last.sizeInBytes() / 1e6);
        spark.stop();
    }

    private static PreparedData prepare(JobSettings settings, SparkSession spark) {
        return DataPreparer.prepare(settings.data(), settings.model().loss().task(), settings.model().numClasses(),
                settings.seed(), new SparkColumnarReader(() -> spark, settings.data().columns()));
    }

    private static String format(List<Double> seconds) {
        StringBuilder out = new StringBuilder();
        seconds.forEach(s -> out.append(String.format(Locale.ROOT, " %.2f", s)));
        return out.toString();
    }
}
