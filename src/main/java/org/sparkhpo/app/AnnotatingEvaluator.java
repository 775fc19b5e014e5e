package org.sparkhpo.app;

import java.util.List;
import java.util.function.Consumer;
import org.sparkhpo.multiobjective.CostAwareResults;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialResult;

/**
 * Adds the cost-aware metrics ({@code core_seconds}, {@code feasible}, {@code violation}, {@code scalarized};
 * see {@link CostAwareResults#annotate}) to every result of another evaluator before anyone sees it, so the
 * journal, the strategy and the reports read the same figures. Annotating is idempotent, so a replayed
 * result (already annotated in the journal) comes out unchanged.
 */
final class AnnotatingEvaluator implements TrialEvaluator {
    private final TrialEvaluator inner;
    private final CostAwareResults costs;

    AnnotatingEvaluator(TrialEvaluator inner, CostAwareResults costs) {
        this.inner = inner;
        this.costs = costs;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResults) {
        inner.evaluate(round, trials, results -> onResults.accept(results.stream().map(costs::annotate).toList()));
    }
}
