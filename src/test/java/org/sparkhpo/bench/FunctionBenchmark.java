package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.IntegerParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.bayes.BayesOptions;
import org.sparkhpo.strategy.bayes.BayesStrategy;
import org.sparkhpo.strategy.bayes.LengthScalePrior;
import org.sparkhpo.strategy.bayes.LowerBoundProposals;
import org.sparkhpo.strategy.bayes.OutputWarping;
import org.sparkhpo.strategy.dfo.CmaEsStrategy;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.dfo.NelderMeadStrategy;
import org.sparkhpo.strategy.dfo.PatternSearchStrategy;
import org.sparkhpo.strategy.random.RandomStrategy;
import org.sparkhpo.strategy.tpe.TpeOptions;
import org.sparkhpo.strategy.tpe.TpeStrategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * The known-optimum half of the strategy benchmark (issues 6 and 12): random search, Nelder–Mead, pattern
 * search, CMA-ES, bayes and tpe, each with the same budget in rounds (the derivative-free ones start from a
 * first quasi-random design round of one round size; {@code cma-es-centre} is CMA-ES with the defaults of
 * reference.conf, which start as Optuna's CmaEsSampler does: at the centre, sigma 1/6, no design round), on the {@link BenchmarkFunction}s, for several seeds,
 * through a plain ask/tell loop. Prints {@code function strategy seed regret-at-checkpoint regret-at-end} lines
 * (regret = best value - known minimum); scripts/bench_optuna.py prints the same for Optuna's samplers on the
 * same functions and unit-cube mapping.
 *
 * <p>Usage: {@code FunctionBenchmark evaluations roundSize seeds [methods,comma,separated] [checkpoint]}; besides
 * the names below, {@code bayes-lcb:N:KAPPA:TOLERANCE} is bayes with N lower-bound proposals per round of weight
 * KAPPA and min distance TOLERANCE ({@code bayes-ei-only} = {@code bayes-lcb:0:...}, the code before them; both
 * fit by maximum likelihood);
 * {@code bayes-ml} is the default bayes with its hyperparameters fitted by maximum likelihood, without the
 * dimension-scaled length-scale prior (the default before the sixth pass of issue 12).
 */
public final class FunctionBenchmark {
    private static final String KEY = "value";
    private static final Tunable[] AXES = {Tunable.L2, Tunable.L1, Tunable.DECAY_RATE, Tunable.MOMENTUM,
        Tunable.LEARNING_RATE, Tunable.BATCH_SIZE, Tunable.DECAY_EPOCHS, Tunable.EPOCHS};

    private FunctionBenchmark() {
    }

    public static void main(String[] args) {
        int evaluations = Integer.parseInt(args[0]);
        int roundSize = Integer.parseInt(args[1]);
        int seeds = Integer.parseInt(args[2]);
        List<String> methods = args.length > 3 ? List.of(args[3].split(","))
                : List.of("random", "nelder-mead", "pattern-search", "cma-es", "bayes", "tpe");
        int checkpoint = args.length > 4 ? Integer.parseInt(args[4]) : evaluations;
        for (BenchmarkFunction function : BenchmarkFunction.values()) {
            SearchSpace space = space(function.dimension());
            for (String name : methods) {
                for (int seed = 1; seed <= seeds; seed++) {
                    Strategy strategy = strategy(name, space, roundSize, seed, evaluations);
                    double[] best = run(strategy, space, function, roundSize, evaluations, checkpoint);
                    System.out.printf(Locale.ROOT, "%s %s %d %.6g %.6g%n", function.label(), name, seed,
                            best[0] - function.minimum(), best[1] - function.minimum());
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
            case "bayes" -> new BayesStrategy(space, objective, BayesOptions.defaults(), roundSize, seed);
            case "bayes-unwarped" -> new BayesStrategy(space, objective, new BayesOptions(0, 256, 0.001, 2,
                    OutputWarping.NONE, LowerBoundProposals.none(), LengthScalePrior.NONE), roundSize, seed);
            case "bayes-ei-only" -> new BayesStrategy(space, objective, bayesWith(LowerBoundProposals.none(),
                    LengthScalePrior.NONE), roundSize, seed);
            case "bayes-ml" -> new BayesStrategy(space, objective, bayesWith(BayesOptions.defaults().lowerBound(),
                    LengthScalePrior.NONE), roundSize, seed);
            case "tpe" -> new TpeStrategy(space, objective, TpeOptions.defaults(), roundSize, seed);
            case "tpe-univariate", "tpe-multivariate" -> new TpeStrategy(space, objective, tpeMode(
                    name.equals("tpe-multivariate")), roundSize, seed);
            case "cma-es" -> new CmaEsStrategy(space, objective, options, roundSize, null, seed);
            case "cma-es-centre" -> new CmaEsStrategy(space, objective, DfoOptions.defaults(), roundSize, null,
                    seed);
            default -> {
                if (!name.startsWith("bayes-lcb:")) {
                    throw new IllegalArgumentException("unknown method " + name);
                }
                String[] lcb = name.split(":");
                yield new BayesStrategy(space, objective, bayesWith(new LowerBoundProposals(
                        Integer.parseInt(lcb[1]), Double.parseDouble(lcb[2]), Double.parseDouble(lcb[3])),
                        LengthScalePrior.NONE), roundSize, seed);
            }
        };
    }

    /** @return the default bayes options with the given lower-bound proposals and length-scale prior */
    private static BayesOptions bayesWith(LowerBoundProposals lowerBound, LengthScalePrior prior) {
        BayesOptions defaults = BayesOptions.defaults();
        return new BayesOptions(defaults.initialPoints(), defaults.candidates(), defaults.minDistance(),
                defaults.fitStarts(), defaults.outputWarping(), lowerBound, prior);
    }

    /** @return the default tpe options with the given mode */
    private static TpeOptions tpeMode(boolean multivariate) {
        TpeOptions defaults = TpeOptions.defaults();
        return new TpeOptions(defaults.initialPoints(), defaults.candidates(), defaults.gamma(),
                defaults.priorWeight(), multivariate);
    }

    /**
     * A space of {@code dimension} parameters, each read back as its unit coordinate through
     * {@link Parameter#toUnit}, so a tunable's own bounds do not matter: the five real-valued tunables first,
     * then integer tunables over 1..1,000,001 (a resolution of 1e-6 of the range, continuous for the purpose).
     */
    private static SearchSpace space(int dimension) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            Tunable axis = AXES[i];
            if (axis == Tunable.BATCH_SIZE || axis == Tunable.DECAY_EPOCHS || axis == Tunable.EPOCHS) {
                parameters.add(new IntegerParameter(axis, 1, 1_000_001, Scale.LINEAR, 3));
            } else {
                double low = axis == Tunable.DECAY_RATE || axis == Tunable.LEARNING_RATE ? 0.01 : 0.0;
                double high = axis == Tunable.MOMENTUM ? 0.99 : 1.0;
                parameters.add(new ContinuousParameter(axis, low, high, Scale.LINEAR, 3));
            }
        }
        return new SearchSpace(parameters);
    }

    /** @return the best value after {@code checkpoint} evaluations and after all of them */
    private static double[] run(Strategy strategy, SearchSpace space, BenchmarkFunction function, int roundSize,
                                int evaluations, int checkpoint) {
        double best = Double.POSITIVE_INFINITY;
        double atCheckpoint = Double.NaN;
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
                if (done + 1 == checkpoint) {
                    atCheckpoint = best;
                }
                results.add(new TrialResult(done, 0, proposal.phase(), TrialState.COMPLETE,
                        proposal.configuration(), Map.of(KEY, value), done, null));
                done++;
            }
            strategy.tell(results);
        }
        return new double[] {Double.isNaN(atCheckpoint) ? best : atCheckpoint, best};
    }
}
