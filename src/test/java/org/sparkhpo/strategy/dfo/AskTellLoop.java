package org.sparkhpo.strategy.dfo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sparkhpo.objective.KnownFunction;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.ContinuousParameter;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.Scale;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * A plain ask/tell loop without Spark: asks rounds of a fixed size, evaluates a function of each configuration's
 * unit point, tells the results in reverse id order (to show that order does not matter), and keeps the history.
 */
public final class AskTellLoop {
    public static final String KEY = "value";
    public static final MinimizedObjective MINIMIZE = new MinimizedObjective(KEY, false);
    private static final Tunable[] AXES = {Tunable.L2, Tunable.L1, Tunable.DECAY_RATE, Tunable.LEARNING_RATE,
        Tunable.MOMENTUM};

    public final List<Proposal> proposals = new ArrayList<>();
    public final List<Double> values = new ArrayList<>();
    final List<Integer> roundSizes = new ArrayList<>();
    private final SearchSpace space;

    public AskTellLoop(SearchSpace space) {
        this.space = space;
    }

    /** @return a space of {@code dimension} linear continuous parameters whose unit point is the coordinates */
    public static SearchSpace space(int dimension) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            double low = AXES[i] == Tunable.DECAY_RATE || AXES[i] == Tunable.LEARNING_RATE ? 0.1 : 0.0;
            double high = AXES[i] == Tunable.MOMENTUM ? 0.9 : 1.0;
            parameters.add(new ContinuousParameter(AXES[i], low, high, Scale.LINEAR, 3));
        }
        return new SearchSpace(parameters);
    }

    public double[] unit(Configuration configuration) {
        double[] unit = new double[space.dimension()];
        for (int i = 0; i < unit.length; i++) {
            Parameter parameter = space.parameters().get(i);
            unit[i] = parameter.toUnit(configuration.get(parameter.name()));
        }
        return unit;
    }

    /** Runs until the strategy finishes or {@code budget} evaluations; NaN from the function is a FAILED trial. */
    public AskTellLoop run(Strategy strategy, int roundSize, int budget, KnownFunction function) {
        return run(strategy, roundSize, budget, unit -> function.valueAtUnit(unit));
    }

    public AskTellLoop run(Strategy strategy, int roundSize, int budget, ToDoubleFunction<double[]> function) {
        int round = 0;
        while (!strategy.isFinished() && proposals.size() < budget) {
            List<Proposal> asked = strategy.ask(Math.min(roundSize, budget - proposals.size()));
            if (asked.isEmpty()) {
                break;
            }
            roundSizes.add(asked.size());
            List<TrialResult> results = new ArrayList<>();
            for (Proposal proposal : asked) {
                int id = proposals.size();
                double value = function.applyAsDouble(unit(proposal.configuration()));
                proposals.add(proposal);
                values.add(value);
                results.add(0, result(id, round, proposal, value));
            }
            strategy.tell(results);
            round++;
        }
        return this;
    }

    private static TrialResult result(int id, int round, Proposal proposal, double value) {
        if (Double.isNaN(value)) {
            return new TrialResult(id, round, proposal.phase(), TrialState.FAILED, proposal.configuration(),
                    Map.of(), id, "diverged");
        }
        return new TrialResult(id, round, proposal.phase(), TrialState.COMPLETE, proposal.configuration(),
                Map.of(KEY, value), id, null);
    }

    /** @return the smallest value seen */
    public double best() {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** @return how many evaluations it took to first reach a value <= {@code target}, or -1 */
    int evaluationsToReach(double target) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) <= target) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Asserts that some evaluation reached {@code target} (a value <= it) within the first {@code budget}.
     *
     * @param target the value to reach
     * @param budget the most evaluations allowed
     */
    void assertReaches(double target, int budget) {
        int reached = evaluationsToReach(target);
        assertTrue(reached > 0 && reached <= budget, "evaluations " + reached + ", best " + best());
    }
}
