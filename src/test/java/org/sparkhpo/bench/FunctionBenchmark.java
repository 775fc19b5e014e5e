package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.dfo.CmaEsStrategy;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.dfo.NelderMeadStrategy;
import org.sparkhpo.strategy.dfo.PatternSearchStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * The known-optimum half of the strategy benchmark (issue 6): random search, Nelder–Mead, pattern search and
 * CMA-ES, each with the same budget in rounds (the derivative-free ones start from a first quasi-random design
 * round of one round size), on sphere (4-d), Rosenbrock (4-d) and Branin, for several seeds, through a plain
 * ask/tell loop. Prints {@code function strategy seed best-value} lines; scripts/bench_optuna.py prints the same
 * for Optuna's samplers on the same functions and unit-cube mapping.
 *
 * <p>Usage: {@code FunctionBenchmark evaluations roundSize seeds}.
 */
public final class FunctionBenchmark {
    private static final String KEY = "value";
    private static final Tunable[] AXES = {Tunable.L2, Tunable.L1, Tunable.DECAY_RATE, Tunable.MOMENTUM};

    private FunctionBenchmark() {
    }

    public static void main(String[] args) {
        int evaluations = Integer.parseInt(args[0]);
        int roundSize = Integer.parseInt(args[1]);
        int seeds = Integer.parseInt(args[2]);
        for (KnownFunction function : KnownFunction.values()) {
            int dimension = function == KnownFunction.BRANIN ? 2 : 4;
            SearchSpace space = space(dimension);
            for (String name : List.of("random", "nelder-mead", "pattern-search", "cma-es")) {
                for (int seed = 1; seed <= seeds; seed++) {
                    Strategy strategy = strategy(name, space, roundSize, seed, evaluations);
                    double best = run(strategy, space, function, roundSize, evaluations);
                    System.out.printf(Locale.ROOT, "%s %s %d %.6g%n", function.configName(), name, seed, best);
                }
            }
        }
    }

    private static Strategy strategy(String name, SearchSpace space, int roundSize, long seed, int evaluations) {
        MinimizedObjective objective = new MinimizedObjective(KEY, false);
        DfoOptions options = new DfoOptions(roundSize, DesignKind.HALTON, 0.25, 1e-3, 0);
        return switch (name) {
            case "random" -> new RandomStrategy(space, evaluations, seed);
            case "nelder-mead" -> new NelderMeadStrategy(space, objective, options, roundSize, null, seed);
            case "pattern-search" -> new PatternSearchStrategy(space, objective, options, null, seed);
            default -> new CmaEsStrategy(space, objective, options, roundSize, null, seed);
        };
    }

    /** A space whose parameters are linear on [0, 1], so a configuration's values are its unit point. */
    private static SearchSpace space(int dimension) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            double high = AXES[i] == Tunable.MOMENTUM ? 0.99 : 1.0;
            double low = AXES[i] == Tunable.DECAY_RATE ? 0.01 : 0.0;
            parameters.add(new ContinuousParameter(AXES[i], low, high, Scale.LINEAR, 3));
        }
        return new SearchSpace(parameters);
    }

    private static double run(Strategy strategy, SearchSpace space, KnownFunction function, int roundSize,
                              int evaluations) {
        double best = Double.POSITIVE_INFINITY;
        int done = 0;
        while (!strategy.isFinished() && done < evaluations) {
            List<Proposal> asked = strategy.ask(Math.min(roundSize, evaluations - done));
            if (asked.isEmpty()) {
                break;
            }
            List<TrialResult> results = new ArrayList<>();
            for (Proposal proposal : asked) {
                double[] unit = new double[space.dimension()];
                for (int i = 0; i < unit.length; i++) {
                    Parameter parameter = space.parameters().get(i);
                    unit[i] = parameter.toUnit(proposal.configuration().get(parameter.name()));
                }
                double value = function.valueAtUnit(unit);
                best = Math.min(best, value);
                results.add(new TrialResult(done, 0, proposal.phase(), TrialState.COMPLETE,
                        proposal.configuration(), Map.of(KEY, value), done, null));
                done++;
            }
            strategy.tell(results);
        }
        return best;
    }
}
