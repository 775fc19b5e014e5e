package org.sparkhpo.strategy.dfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.strategy.Strategy;
import org.sparkhpo.strategy.UnitCube;
import org.sparkhpo.trial.TrialResult;

/**
 * What the derivative-free strategies share: the unit cube, the optional initial design round, and
 * <em>batches</em>. A method produces one batch of candidates at a time (the p reflections of a Nelder–Mead
 * iteration, the 2d poll points of a pattern search, a CMA-ES generation) and learns from it only when every
 * candidate has a value. {@link #ask} hands out as much of the current batch as the round allows, so a batch
 * larger than the round size spans several rounds and a smaller one leaves the round short; either way the
 * method's behaviour does not depend on how the loop splits rounds.
 *
 * <p>Results are matched to candidates by trial id: the loop numbers trials in ask order, so the results of
 * one ask, sorted by id, are in the order the candidates were handed out. Every result is told, FAILED ones as
 * +infinity ({@link MinimizedObjective}). Bounds: a candidate outside the unit cube is infeasible, valued
 * +infinity without a trial (extreme barrier), so a method that can step outside (a reflection, a poll point)
 * simply finds that direction bad; a method that wants to evaluate near the boundary clips its own points.
 *
 * <p>Lifecycle: driver-only, one per run, single-threaded; the random stream is seeded from the job seed
 * and the method's own stream number, so the same seed and the same results give the same proposals.
 */
public abstract class DfoStrategy implements Strategy {
    private final UnitCube cube;
    private final MinimizedObjective objective;
    private final DfoOptions options;
    private final double[] start;
    private final SplittableRandom random;
    private List<Candidate> batch;
    private double[] values;
    private int handedOut;
    private int told;
    private final List<Integer> outstanding = new ArrayList<>();
    private boolean started;
    private double[] bestPoint;
    private double bestValue = Double.POSITIVE_INFINITY;
    private int evaluations;

    /**
     * @param space the search space (see {@link UnitCube} for the categorical rule)
     * @param objective the metric and its direction
     * @param options the shared options
     * @param start the start point in the unit cube when there is no design round (null: the centre)
     * @param jobSeed the job seed
     * @param stream the method's stream number, separating its draws from other strategies'
     */
    protected DfoStrategy(SearchSpace space, MinimizedObjective objective, DfoOptions options, double[] start,
                          long jobSeed, long stream) {
        this.cube = new UnitCube(space);
        this.objective = objective;
        this.options = options;
        if (start != null && start.length != cube.dimension()) {
            throw new IllegalArgumentException("start point has " + start.length + " coordinates, the cube "
                    + cube.dimension());
        }
        this.start = start == null ? cube.center() : UnitCube.clip(start);
        this.random = new SplittableRandom(TrialSeeds.of(jobSeed ^ stream, 0));
    }

    /**
     * Starts the method, once, after the design round (or at once when there is none).
     *
     * @param x0 the start point
     * @param f0 its value, or NaN when it has not been evaluated
     */
    protected abstract void begin(double[] x0, double f0);

    /** @return the next batch of candidates (at least one), or an empty list when the method has finished */
    protected abstract List<Candidate> nextBatch();

    /**
     * Learns from a finished batch.
     *
     * @param batch the candidates, as {@link #nextBatch()} returned them
     * @param batchValues their minimized values, index for index
     */
    protected abstract void learn(List<Candidate> batch, double[] batchValues);

    @Override
    public List<Proposal> ask(int maxProposals) {
        if (batch == null && !openBatch()) {
            return List.of();
        }
        List<Proposal> proposals = new ArrayList<>();
        while (proposals.size() < maxProposals && handedOut < batch.size()) {
            Candidate candidate = batch.get(handedOut);
            if (Double.isNaN(values[handedOut])) {
                proposals.add(new Proposal(cube.configuration(candidate.point()), candidate.phase()));
                outstanding.add(handedOut);
            }
            handedOut++;
        }
        return proposals;
    }

    @Override
    public void tell(List<TrialResult> results) {
        if (results.size() != outstanding.size()) {
            throw new IllegalArgumentException("told " + results.size() + " results for " + outstanding.size()
                    + " proposals");
        }
        List<TrialResult> byId = new ArrayList<>(results);
        byId.sort(Comparator.comparingInt(TrialResult::id));
        for (int i = 0; i < byId.size(); i++) {
            record(outstanding.get(i), objective.of(byId.get(i)));
        }
        outstanding.clear();
        if (batch != null && told == batch.size()) {
            finishBatch();
        }
    }

    @Override
    public boolean isFinished() {
        return false;
    }

    /** @return the best point evaluated so far, or null before any value */
    public double[] bestPoint() {
        return bestPoint == null ? null : bestPoint.clone();
    }

    /** @return the best (smallest) minimized value so far, +infinity before any finite one */
    public double bestValue() {
        return bestValue;
    }

    /** @return how many candidates have been evaluated */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dfo_evaluations", evaluations);
        return report;
    }

    /** @return the number of searched coordinates */
    protected final int dimension() {
        return cube.dimension();
    }

    /** @return the shared options */
    protected final DfoOptions options() {
        return options;
    }

    /** @return the method's seeded random stream */
    protected final SplittableRandom random() {
        return random;
    }

    /**
     * Opens the next batch. A candidate outside the unit cube gets +infinity at once and is never proposed
     * (the extreme barrier of Audet and Dennis, "Mesh adaptive direct search algorithms for constrained
     * optimization", SIAM J. Optim. 17, 2006); a batch with no candidate inside is learned from at once.
     *
     * @return false when the method has finished
     */
    private boolean openBatch() {
        while (true) {
            List<Candidate> next = candidatesOfNextBatch();
            if (next.isEmpty()) {
                return false;
            }
            batch = List.copyOf(next);
            values = new double[batch.size()];
            handedOut = 0;
            told = 0;
            for (int i = 0; i < batch.size(); i++) {
                values[i] = inCube(batch.get(i).point()) ? Double.NaN : Double.POSITIVE_INFINITY;
                told += Double.isNaN(values[i]) ? 0 : 1;
            }
            if (told < batch.size()) {
                return true;
            }
            finishBatch();
        }
    }

    private List<Candidate> candidatesOfNextBatch() {
        if (!started && options.initialPoints() > 0) {
            List<Candidate> design = new ArrayList<>();
            for (double[] point : InitialDesign.points(options.design(), options.initialPoints(), dimension(),
                    random)) {
                design.add(new Candidate(point, "design"));
            }
            return design;
        }
        if (!started) {
            started = true;
            begin(start.clone(), Double.NaN);
        }
        return nextBatch();
    }

    private void finishBatch() {
        List<Candidate> done = batch;
        double[] doneValues = values;
        batch = null;
        if (started) {
            learn(done, doneValues);
        } else {
            beginAfterDesign(done, doneValues);
        }
    }

    private static boolean inCube(double[] point) {
        for (double x : point) {
            if (!(x >= 0.0 && x <= 1.0)) {
                return false;
            }
        }
        return true;
    }

    private void record(int index, double value) {
        values[index] = value;
        told++;
        evaluations++;
        if (bestPoint == null || value < bestValue) {
            bestValue = value;
            bestPoint = batch.get(index).point().clone();
        }
    }

    private void beginAfterDesign(List<Candidate> design, double[] designValues) {
        int best = 0;
        for (int i = 1; i < designValues.length; i++) {
            if (designValues[i] < designValues[best]) {
                best = i;
            }
        }
        started = true;
        begin(design.get(best).point().clone(), designValues[best]);
    }
}
