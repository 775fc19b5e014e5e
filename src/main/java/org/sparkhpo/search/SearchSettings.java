package org.sparkhpo.search;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.bayes.BayesOptions;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.tpe.TpeOptions;

/**
 * How configurations are searched ({@code hpo.search}).
 *
 * @param strategy the strategy
 * @param trials the most trials to run, >= 1
 * @param parallelism trials per round, 0 for Spark's default parallelism
 * @param space the search space
 * @param maxSeconds the wall-time budget of the search in seconds, 0 for none
 * @param target stop after the round in which a trial first reaches this objective value; empty for none
 * @param manual the manual strategy's configurations (from {@code manual} and {@code manual-file})
 * @param dfo the derivative-free strategies' options
 * @param start where a derivative-free strategy starts without a design round
 * @param bayes the Gaussian-process strategy's options
 * @param tpe the tree-structured Parzen estimator's options
 */
public record SearchSettings(StrategyKind strategy, int trials, int parallelism, SearchSpace space,
                             double maxSeconds, OptionalDouble target, List<Configuration> manual, DfoOptions dfo,
                             DfoStart start, BayesOptions bayes, TpeOptions tpe) {
    public SearchSettings {
        Objects.requireNonNull(bayes, "bayes");
        Objects.requireNonNull(tpe, "tpe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dfo, "dfo");
        Objects.requireNonNull(start, "start");
        manual = List.copyOf(manual);
    }

    /** Settings with no wall-time budget, no target, no manual list and the default strategy options. */
    public SearchSettings(StrategyKind strategy, int trials, int parallelism, SearchSpace space) {
        this(strategy, trials, parallelism, space, 0.0, OptionalDouble.empty(), List.of(), DfoOptions.defaults(),
                DfoStart.CENTER, BayesOptions.defaults(), TpeOptions.defaults());
    }
}
