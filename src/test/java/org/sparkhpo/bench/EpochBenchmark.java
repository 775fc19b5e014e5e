package org.sparkhpo.bench;

import java.util.Locale;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.TrainingOutcome;

/**
 * Times training epochs of one trial in this thread, without Spark and without validation, on the data of a
 * configuration file: the kernel's own speed. Prints {@code epoch <seconds per epoch> <rows> <features>}.
 *
 * <p>Usage: {@code EpochBenchmark CONF epochs [key=value ...]}; {@code -Dbench.columns=F} keeps the first F
 * features only.
 */
public final class EpochBenchmark {
    private EpochBenchmark() {
    }

    public static void main(String[] args) {
        java.util.List<String> overrides = java.util.Arrays.asList(args).subList(2, args.length);
        JobSettings settings = SettingsLoader.load(args[0], overrides);
        int epochs = Integer.parseInt(args[1]);
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        int columns = Integer.getInteger("bench.columns", data.numFeatures());
        if (columns < data.numFeatures()) {
            data = new PreparedData(firstColumns(data.train(), columns), firstColumns(data.validation(), columns), null,
                    data.task(),
                    data.numClasses(), null);
        }
        HyperParameters hp = settings.fixed().withEpochs(epochs);
        SgdTrainer trainer = new SgdTrainer(settings.model().loss(), Metric.ACCURACY, settings.stopping(),
                data.numClasses());
        trainer.train(data.train(), null, hp.withEpochs(1), 1L);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            TrainingOutcome outcome = trainer.train(data.train(), null, hp, 1L);
            best = Math.min(best, outcome.trainSeconds() / epochs);
        }
        System.out.printf(Locale.ROOT, "epoch %.4f %d %d%n", best, data.train().rows(),
                data.train().features().columns());
    }

    /** @return the rows with only their first {@code columns} features (for the features-scaling table) */
    private static LabeledData firstColumns(LabeledData part, int columns) {
        int rows = part.rows();
        if (part.features() instanceof FloatDenseFeatures dense) {
            float[] out = new float[rows * columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(dense.values(), r * dense.columns(), out, r * columns, columns);
            }
            return new LabeledData(new FloatDenseFeatures(out, rows, columns), part.labels());
        }
        DenseFeatures dense = (DenseFeatures) part.features();
        double[] out = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(dense.values(), r * dense.columns(), out, r * columns, columns);
        }
        return new LabeledData(new DenseFeatures(out, rows, columns), part.labels());
    }
}
