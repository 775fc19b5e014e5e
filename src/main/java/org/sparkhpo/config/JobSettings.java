package org.sparkhpo.config;

import java.util.Objects;
import org.sparkhpo.data.DataSettings;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.search.BanditSettings;
import org.sparkhpo.search.MedianStoppingSettings;
import org.sparkhpo.search.SearchSettings;
import org.sparkhpo.search.StrategyInputs;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;

/**
 * Every setting of one job, read and validated once at start-up by {@link SettingsLoader}. Driver-only;
 * tasks receive the pieces they need (never a {@code Config}).
 *
 * @param seed the job seed
 * @param runId the run directory name (never empty after loading)
 * @param data where the data comes from and how it is prepared
 * @param model the loss and number of classes
 * @param metric the objective on validation
 * @param fixed the fixed hyperparameters every trial starts from
 * @param stopping early stopping and divergence rules inside a trial
 * @param search the strategy, budget, round size and space
 * @param finish how the final model is made
 * @param outputDir where run directories are created
 * @param spark the Spark master, application name and log level
 * @param bandit successive halving and Hyperband parameters, and whether checkpoints are kept
 * @param medianStopping the median stopping rule inside trials
 * @param objective what a trial evaluates: SGD training or a known-optimum function
 * @param report whether the run writes {@code report.html} ({@code hpo.output.report})
 * @param cost the validation metric with the costs beside it, how they combine and how best.json is selected
 * @param dataDriven which of {@code fixed} and the search space are derived from the data (placeholders until
 *     {@link #withDataDriven} replaces them)
 */
public record JobSettings(
        long seed,
        String runId,
        DataSettings data,
        ModelSettings model,
        Metric metric,
        HyperParameters fixed,
        StoppingRules stopping,
        SearchSettings search,
        FinishSettings finish,
        String outputDir,
        SparkSettings spark,
        BanditSettings bandit,
        MedianStoppingSettings medianStopping,
        ObjectiveKind objective,
        boolean report,
        ObjectiveSpec cost,
        DataDrivenSettings dataDriven) {
    public JobSettings {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(stopping, "stopping");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(bandit, "bandit");
        Objects.requireNonNull(medianStopping, "medianStopping");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(dataDriven, "dataDriven");
    }

    /**
     * @param resolvedFixed the fixed hyperparameters with every {@code auto} value derived from the data
     * @param resolvedStopping the stopping rules, with an {@code auto} patience derived from the epoch budget
     * @param resolvedSpace the search space, derived from the data when it was {@code auto}
     * @return these settings with the derived values in place
     */
    public JobSettings withDataDriven(HyperParameters resolvedFixed, StoppingRules resolvedStopping,
                                      SearchSpace resolvedSpace) {
        SearchSettings s = search;
        SearchSettings resolvedSearch = new SearchSettings(s.strategy(), s.trials(), s.parallelism(), resolvedSpace,
                s.maxSeconds(), s.target(), s.manual(), s.dfo(), s.start(), s.bayes(), s.tpe());
        return new JobSettings(seed, runId, data, model, metric, resolvedFixed, resolvedStopping, resolvedSearch,
                finish,
                outputDir, spark, bandit, medianStopping, objective, report, cost, dataDriven);
    }

    /** @return the part of these settings a strategy is built from */
    public StrategyInputs strategyInputs() {
        return new StrategyInputs(search, bandit, medianStopping, metric, model.loss(), fixed, seed, cost);
    }
}
