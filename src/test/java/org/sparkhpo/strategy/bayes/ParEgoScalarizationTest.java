package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.dfo.AskTellLoop;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * ParEGO's augmented Chebyshev scalarization against hand-computed values, its weights on the simplex, the
 * trials it leaves out of the regression, and a model-based strategy regressing on it round by round.
 */
class ParEgoScalarizationTest {
    private static final List<Criterion> AXES = List.of(new Criterion("val_accuracy", true),
            new Criterion("core_seconds", false));

    @Test
    void theAugmentedChebyshevValueOfNormalizedObjectivesMatchesTheHandComputedOne() {
        // minimized accuracy -0.9, -0.8, -0.85; seconds 10, 2, 6: normalized z = (0, 1), (1, 0), (0.5, 0.5)
        double[][] objectives = {{-0.9, 10}, {-0.8, 2}, {-0.85, 6}};
        double[] values = ParEgoScalarization.scalarize(objectives, new double[] {0.25, 0.75});
        // max(0.25 z1, 0.75 z2) + 0.05 (0.25 z1 + 0.75 z2)
        assertArrayEquals(new double[] {0.75 + 0.05 * 0.75, 0.25 + 0.05 * 0.25, 0.375 + 0.05 * 0.5}, values, 1e-12);
    }

    @Test
    void anAxisWithOneValueContributesNothing() {
        double[] values = ParEgoScalarization.scalarize(new double[][] {{1, 5}, {3, 5}}, new double[] {0.5, 0.5});
        assertArrayEquals(new double[] {0.0, 0.5 + 0.05 * 0.5}, values, 1e-12);
    }

    @Test
    void theWeightsArePositiveAndSumToOne() {
        SplittableRandom random = new SplittableRandom(3);
        for (int draw = 0; draw < 100; draw++) {
            double[] lambda = ParEgoScalarization.simplexWeights(3, random);
            assertEquals(1.0, lambda[0] + lambda[1] + lambda[2], 1e-12);
            for (double weight : lambda) {
                assertTrue(weight > 0 && weight < 1, "weight " + weight);
            }
        }
    }

    @Test
    void failedTrialsAndTrialsMissingACostStayOutOfTheRegression() {
        ParEgoScalarization pareto = new ParEgoScalarization(AXES);
        Configuration any = AskTellLoop.space(1).fromUnit(new double[] {0.5});
        assertTrue(pareto.isUsable(result(0, any, 0.8, 3.0)));
        assertFalse(pareto.isUsable(new TrialResult(1, 0, "model", TrialState.COMPLETE, any,
                Map.of("val_accuracy", 0.8), 1, null)));
        assertFalse(pareto.isUsable(new TrialResult(2, 0, "model", TrialState.FAILED, any,
                Map.of("val_accuracy", 0.8, "core_seconds", 1.0), 2, "diverged")));
        assertThrows(IllegalArgumentException.class, () -> new ParEgoScalarization(AXES.subList(0, 1)));
    }

    @Test
    void aModelRoundRegressesOnTheScalarizationWithWeightsFromTheRoundsStream() {
        SearchSpace space = AskTellLoop.space(2);
        List<double[]> seen = new ArrayList<>();
        ModelBasedStrategy strategy = new ModelBasedStrategy(space, AskTellLoop.MINIMIZE, 3, 3, 11L) {
            @Override
            protected List<Configuration> propose(List<Configuration> completed, double[] values,
                                                  List<Configuration> failed, int q, SplittableRandom random) {
                seen.add(values);
                return List.of(space.fromUnit(new double[] {0.1, 0.2}));
            }
        }.searchingParetoFront(AXES);
        List<Proposal> design = strategy.ask(3);
        List<TrialResult> results = new ArrayList<>();
        double[][] objectives = new double[3][];
        for (int i = 0; i < 3; i++) {
            double accuracy = 0.7 + 0.1 * i;
            double seconds = 1.0 + i * i;
            results.add(result(i, design.get(i).configuration(), accuracy, seconds));
            objectives[i] = new double[] {-accuracy, seconds};
        }
        strategy.tell(results);
        strategy.ask(3);
        strategy.ask(3);
        // Each round draws its weights first from the stream the strategy seeds with (job seed, round number).
        SplittableRandom round = new SplittableRandom(org.sparkhpo.common.TrialSeeds.of(11L, 2));
        double[] expected = ParEgoScalarization.scalarize(objectives, ParEgoScalarization.simplexWeights(2, round));
        assertArrayEquals(expected, seen.get(0), 1e-12);
        assertArrayEquals(seen.get(0), seen.get(1), 0.0);
    }

    private static TrialResult result(int id, Configuration configuration, double accuracy, double seconds) {
        return new TrialResult(id, 0, "design", TrialState.COMPLETE, configuration,
                Map.of("val_accuracy", accuracy, "core_seconds", seconds), id, null);
    }
}
