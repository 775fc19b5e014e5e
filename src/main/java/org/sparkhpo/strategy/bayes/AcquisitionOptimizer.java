package org.sparkhpo.strategy.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.sparkhpo.space.CategoricalParameter;

/**
 * Maximizes an acquisition over the model cube by multi-start local search, as BoTorch's
 * {@code optimize_acqf} does with raw samples and restarts (Balandat et al., "BoTorch", NeurIPS 2020):
 * <ol>
 *   <li>score {@code candidates} seeded uniform points of the search space and, for each of the best observed
 *       points, {@code candidates / 8} Gaussian perturbations of it (standard deviation 0.05 per coordinate):
 *       exploration plus exploitation of the incumbents' basins;</li>
 *   <li>refine the {@code refinements} best of them locally over the range coordinates, the categorical
 *       block of the start held fixed, by Commons Math's Nelder–Mead {@code SimplexOptimizer} (initial edge
 *       0.05) on the acquisition of the point clipped into [0, 1]. Nelder–Mead rather than BOBYQA: the
 *       acquisition is cheap and piecewise constant in integer coordinates, and BOBYQA's trust-region
 *       bookkeeping cost more than the acquisition evaluations themselves.</li>
 * </ol>
 * Every point is rounded ({@link OneHotCube#round}) before the acquisition sees it; the acquisition returns
 * -infinity where a point is not allowed (too close to another), which the local searches see as -1e300.
 */
public final class AcquisitionOptimizer {
    private static final double PERTURBATION = 0.05;
    private static final double INITIAL_STEP = 0.05;
    private static final double FORBIDDEN = -1e300;

    private final int candidates;
    private final int refinements;
    private final int evaluationsPerRefinement;

    /**
     * @param candidates uniform points scored per proposal, >= 1
     * @param refinements how many of the best are refined locally, >= 0
     * @param evaluationsPerRefinement acquisition evaluations per local search, >= 10
     */
    public AcquisitionOptimizer(int candidates, int refinements, int evaluationsPerRefinement) {
        if (candidates < 1 || refinements < 0 || evaluationsPerRefinement < 10) {
            throw new IllegalArgumentException("acquisition optimizer: candidates (" + candidates + ") must be >= 1,"
                    + " refinements (" + refinements + ") >= 0, evaluations (" + evaluationsPerRefinement + ") >= 10");
        }
        this.candidates = candidates;
        this.refinements = refinements;
        this.evaluationsPerRefinement = evaluationsPerRefinement;
    }

    /**
     * @param acquisition the value to maximize at a rounded model point (-infinity where not allowed)
     * @param cube the model cube
     * @param incumbents the best observed model points, best first (perturbed as extra candidates)
     * @param random the seeded stream
     * @return the best rounded point found, or null when every point scored was not allowed
     */
    public double[] maximize(ToDoubleFunction<double[]> acquisition, OneHotCube cube, List<double[]> incumbents,
                             SplittableRandom random) {
        List<Scored> scored = new ArrayList<>();
        for (double[] raw : rawCandidates(cube, incumbents, random)) {
            double[] point = cube.round(raw);
            scored.add(new Scored(point, acquisition.applyAsDouble(point)));
        }
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        Scored best = scored.get(0);
        int[] ranges = rangeCoordinates(cube);
        for (int r = 0; r < Math.min(refinements, scored.size()) && ranges.length > 0; r++) {
            if (scored.get(r).value() == Double.NEGATIVE_INFINITY) {
                break;
            }
            Scored refined = refine(acquisition, cube, scored.get(r).point(), ranges);
            if (refined.value() > best.value()) {
                best = refined;
            }
        }
        return best.value() == Double.NEGATIVE_INFINITY ? null : best.point();
    }

    private List<double[]> rawCandidates(OneHotCube cube, List<double[]> incumbents, SplittableRandom random) {
        List<double[]> raw = new ArrayList<>();
        int d = cube.space().dimension();
        for (int i = 0; i < candidates; i++) {
            double[] unit = new double[d];
            for (int k = 0; k < d; k++) {
                unit[k] = random.nextDouble();
            }
            raw.add(cube.encode(cube.space().fromUnit(unit)));
        }
        int perIncumbent = Math.max(1, candidates / 8);
        for (double[] incumbent : incumbents) {
            for (int i = 0; i < perIncumbent; i++) {
                double[] x = incumbent.clone();
                for (int k = 0; k < x.length; k++) {
                    x[k] = Math.min(1.0, Math.max(0.0, x[k] + PERTURBATION * random.nextGaussian()));
                }
                raw.add(x);
            }
        }
        return raw;
    }

    private Scored refine(ToDoubleFunction<double[]> acquisition, OneHotCube cube, double[] start, int[] ranges) {
        Scored[] best = {new Scored(start, acquisition.applyAsDouble(start))};
        ToDoubleFunction<double[]> local = sub -> {
            double[] x = start.clone();
            for (int k = 0; k < ranges.length; k++) {
                x[ranges[k]] = Math.min(1.0, Math.max(0.0, sub[k]));
            }
            double[] point = cube.round(x);
            double value = acquisition.applyAsDouble(point);
            if (value > best[0].value()) {
                best[0] = new Scored(point, value);
            }
            return value == Double.NEGATIVE_INFINITY ? FORBIDDEN : value;
        };
        double[] sub = new double[ranges.length];
        for (int k = 0; k < ranges.length; k++) {
            sub[k] = start[ranges[k]];
        }
        try {
            new SimplexOptimizer(new SimpleValueChecker(1e-9, 1e-12)).optimize(new MaxEval(evaluationsPerRefinement),
                    new ObjectiveFunction(local::applyAsDouble), GoalType.MAXIMIZE, new InitialGuess(sub),
                    new NelderMeadSimplex(ranges.length, INITIAL_STEP));
        } catch (TooManyEvaluationsException e) {
            // The best point seen is kept in best[0]: a capped local search is a shorter one.
        }
        return best[0];
    }

    /** @return the model coordinates of the range (continuous and integer) parameters */
    private static int[] rangeCoordinates(OneHotCube cube) {
        List<Integer> ranges = new ArrayList<>();
        int offset = 0;
        for (var parameter : cube.space().parameters()) {
            if (parameter instanceof CategoricalParameter categorical) {
                offset += categorical.values().size();
            } else {
                ranges.add(offset++);
            }
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A rounded point and its acquisition value. */
    private record Scored(double[] point, double value) {
    }
}
