package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.train.BlockOrder;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.StoppingRules;

/**
 * The workload of the kernel benchmarks ({@link PackBenchmark}, {@link CoreScaling}): a configuration's prepared
 * data and its search space's grid, each configuration trained for a fixed number of epochs with early stopping
 * off, the job's data order seed, and a trainer for them.
 *
 * @param settings the loaded settings
 * @param data the prepared data
 * @param grid the grid's configurations over the fixed hyperparameters, with the benchmark's epochs
 * @param orderSeed the job's data order seed
 */
record GridWorkload(JobSettings settings, PreparedData data, List<HyperParameters> grid, long orderSeed) {

    /**
     * @param args {@code CONF epochs [key=value ...]}
     * @return the workload those arguments describe
     */
    static GridWorkload of(String[] args) {
        JobSettings settings = SettingsLoader.load(args[0], List.of(args).subList(2, args.length));
        int epochs = Integer.parseInt(args[1]);
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        List<HyperParameters> grid = new ArrayList<>();
        for (Proposal proposal : new GridStrategy(settings.search().space(), Integer.MAX_VALUE)
                .ask(Integer.MAX_VALUE)) {
            grid.add(settings.fixed().with(proposal.configuration()).withEpochs(epochs));
        }
        return new GridWorkload(settings, data, List.copyOf(grid), BlockOrder.seedOf(settings.seed()));
    }

    /** @return a new trainer of the workload's loss, scoring accuracy, with early stopping off */
    SgdTrainer trainer() {
        StoppingRules noEarlyStop = new StoppingRules(0, settings.stopping().minDelta(),
                settings.stopping().divergenceFactor());
        return new SgdTrainer(settings.model().loss(), Metric.ACCURACY, noEarlyStop, data.numClasses());
    }
}
