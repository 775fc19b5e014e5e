package org.sparkhpo.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.grid.GridStrategy;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class MedianStoppingStrategyTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new CategoricalParameter(Tunable.L2, List.of(0.0, 1e-4, 1e-3, 1e-2, 1e-1, 1.0))));

    private static TrialResult result(int id, Proposal proposal, TrialState state, List<Double> curve) {
        return new TrialResult(id, 0, proposal.phase(), state, proposal.configuration(),
                Map.of("val_accuracy", curve.get(curve.size() - 1)), id, null, curve);
    }

    @Test
    void proposalsCarryMediansOfCurvesCompletedInEarlierRounds() {
        MedianStoppingStrategy strategy = new MedianStoppingStrategy(new GridStrategy(SPACE, 6), 1, 2);
        List<Proposal> first = strategy.ask(3);
        assertEquals(3, first.size());
        first.forEach(p -> assertTrue(p.plan().medianRule() && p.plan().medians().length == 0,
                "the first round only builds curves"));
        strategy.tell(List.of(result(0, first.get(0), TrialState.COMPLETE, List.of(0.2, 0.4)),
                result(1, first.get(1), TrialState.COMPLETE, List.of(0.6, 0.8)),
                result(2, first.get(2), TrialState.PRUNED, List.of(0.0, 0.0))));
        List<Proposal> second = strategy.ask(3);
        // Completed curves only; epoch 1 in the grace period; epoch 2: running averages 0.3 and 0.7 -> 0.5.
        assertArrayEquals(new double[] {Double.NaN, 0.5}, second.get(0).plan().medians(), 1e-12);
        assertEquals(List.of(1e-2, 1e-1, 1.0), second.stream().map(p -> p.configuration().get("l2")).toList(),
                "the wrapped strategy's proposals, unchanged");
    }
}
