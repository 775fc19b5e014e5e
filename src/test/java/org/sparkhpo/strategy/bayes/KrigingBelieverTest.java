package org.sparkhpo.strategy.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkhpo.strategy.dfo.AskTellLoop;

/** The mixed round of the Kriging believer: lower-confidence-bound proposals first, then expected improvement. */
class KrigingBelieverTest {
    private static final double[] XS = {0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95};

    private static BayesOptions options(LowerBoundProposals lowerBound) {
        BayesOptions defaults = BayesOptions.defaults();
        return new BayesOptions(0, defaults.candidates(), defaults.minDistance(), defaults.fitStarts(),
                defaults.outputWarping(), lowerBound, defaults.lengthScalePrior());
    }

    private static List<double[]> points(double[]... xs) {
        return new ArrayList<>(List.of(xs));
    }

    private static double[] values(List<double[]> points) {
        // A smooth bowl with its minimum at 0.43 in 1-d (between two data points) and (0.43, 0.61) in 2-d.
        double[] y = new double[points.size()];
        for (int i = 0; i < y.length; i++) {
            double[] x = points.get(i);
            y[i] = (x[0] - 0.43) * (x[0] - 0.43) + (x.length > 1 ? 0.5 * (x[1] - 0.61) * (x[1] - 0.61) : 0.0);
        }
        return y;
    }

    @ParameterizedTest(name = "kappa {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void theLowerBoundProposalIsTheMinimizerOfMeanMinusKappaSd(double kappa) {
        List<double[]> known = new ArrayList<>();
        for (double x : XS) {
            known.add(new double[] {x});
        }
        KrigingBeliever batch = new KrigingBeliever(new OneHotCube(AskTellLoop.space(1)),
                options(new LowerBoundProposals(1, kappa, 1e-5)));
        List<double[]> round = batch.propose(known, values(known), List.of(), 3, new SplittableRandom(11));
        GaussianProcess model = batch.lastFit();
        double gridBest = Double.POSITIVE_INFINITY;
        double argmin = Double.NaN;
        for (int i = 0; i <= 100_000; i++) {
            double x = i / 100_000.0;
            double value = LowerConfidenceBound.of(model, new double[] {x}, kappa);
            if (value < gridBest && farFromAll(new double[] {x}, known, 1e-5)) {
                gridBest = value;
                argmin = x;
            }
        }
        assertEquals(argmin, round.get(0)[0], 2e-3, "the lower-bound proposal against the grid minimizer");
        assertTrue(LowerConfidenceBound.of(model, round.get(0), kappa) <= gridBest + 1e-9,
                "its bound " + LowerConfidenceBound.of(model, round.get(0), kappa) + " against the grid's " + gridBest);
        assertEquals(0.43, argmin, 0.05, "the bowl's minimum, which the model should have found");
    }

    @Test
    void eachProposalKeepsItsOwnDistanceFromTheKnownPointsAndTheEarlierProposals() {
        List<double[]> known = points(new double[] {0.1, 0.1}, new double[] {0.9, 0.2}, new double[] {0.4, 0.6},
                new double[] {0.45, 0.62}, new double[] {0.7, 0.9}, new double[] {0.2, 0.8});
        List<double[]> failed = List.of(new double[] {0.42, 0.6});
        BayesOptions options = options(new LowerBoundProposals(2, 1.0, 1e-5));
        KrigingBeliever batch = new KrigingBeliever(new OneHotCube(AskTellLoop.space(2)), options);
        List<double[]> round = batch.propose(known, values(known), failed, 8, new SplittableRandom(3));
        assertEquals(8, round.size());
        List<double[]> taken = new ArrayList<>(known);
        taken.addAll(failed);
        for (int j = 0; j < round.size(); j++) {
            double tolerance = j < 2 ? 1e-5 : options.minDistance();
            assertTrue(farFromAll(round.get(j), taken, tolerance), "proposal " + j + " too close to a taken point");
            assertTrue(farFromAll(round.get(j), taken, 1e-12), "proposal " + j + " repeats a taken point");
            taken.add(round.get(j));
        }
    }

    @Test
    void aRoundOfOneIsExpectedImprovementAloneAndLongerRoundsStartWithTheLowerBound() {
        List<double[]> known = points(new double[] {0.1, 0.1}, new double[] {0.9, 0.2}, new double[] {0.4, 0.6},
                new double[] {0.7, 0.9}, new double[] {0.2, 0.8});
        OneHotCube cube = new OneHotCube(AskTellLoop.space(2));
        KrigingBeliever mixed = new KrigingBeliever(cube, options(new LowerBoundProposals(3, 1.0, 1e-5)));
        KrigingBeliever eiOnly = new KrigingBeliever(cube, options(LowerBoundProposals.none()));
        assertArrayEquals(eiOnly.propose(known, values(known), List.of(), 1, new SplittableRandom(5)).get(0),
                mixed.propose(known, values(known), List.of(), 1, new SplittableRandom(5)).get(0), 0.0);
        assertEquals(0, new LowerBoundProposals(3, 1.0, 1e-5).of(1));
        assertEquals(1, new LowerBoundProposals(3, 1.0, 1e-5).of(2));
        assertEquals(3, new LowerBoundProposals(3, 1.0, 1e-5).of(8));
        double[] mixedFirst = mixed.propose(known, values(known), List.of(), 2, new SplittableRandom(5)).get(0);
        double[] eiFirst = eiOnly.propose(known, values(known), List.of(), 2, new SplittableRandom(5)).get(0);
        assertTrue(distance(mixedFirst, eiFirst) > 1e-3, "a round of two starts with the lower bound, not EI");
    }

    @Test
    void badLowerBoundOptionsAreRefusedNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LowerBoundProposals(-1, 1.0, 1e-5))
                .getMessage().contains("lcb-proposals: -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LowerBoundProposals(1, -0.5, 1e-5))
                .getMessage().contains("lcb-kappa: -0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LowerBoundProposals(1, 1.0, 0.0))
                .getMessage().contains("lcb-min-distance: 0.0"));
    }

    private static boolean farFromAll(double[] p, List<double[]> taken, double tolerance) {
        for (double[] t : taken) {
            if (distance(p, t) < tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
