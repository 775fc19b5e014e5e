package org.sparkhpo.bench;

import java.util.List;
import java.util.Locale;
import org.sparkhpo.app.DataDrivenDefaults;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;

/**
 * The job's data start, as its background thread runs it while Spark starts: reading and preparing the data
 * ({@link DataPreparer}), then deriving the {@code auto} settings from it ({@link DataDrivenDefaults}: the
 * smoothness estimate's power iteration). Three repetitions in one JVM: the first is the job's cold start.
 *
 * <p>Prints {@code data <rep> prepare <s> derive <s>} per repetition.
 *
 * <p>Usage: {@code DataStartBenchmark CONF [key=value ...]}.
 */
public final class DataStartBenchmark {
    private DataStartBenchmark() {
    }

    public static void main(String[] args) {
        JobSettings settings = SettingsLoader.load(args[0], List.of(args).subList(1, args.length));
        for (int rep = 1; rep <= 3; rep++) {
            long start = System.nanoTime();
            PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                    settings.model().numClasses(), settings.seed());
            long prepared = System.nanoTime();
            DataDrivenDefaults.resolve(settings, data);
            long derived = System.nanoTime();
            System.out.printf(Locale.ROOT, "data %d prepare %.3f derive %.3f%n", rep, (prepared - start) / 1e9,
                    (derived - prepared) / 1e9);
        }
    }
}
