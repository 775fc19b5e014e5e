package org.sparkhpo.strategy.dfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.UnitCube;

/**
 * Compass (coordinate) pattern search (Kolda, Lewis and Torczon, "Optimization by direct search: new
 * perspectives on some classical and modern methods", SIAM Review 45, 2003, section 1.1 and Algorithm 3.2)
 * in the unit cube of the search space.
 *
 * <p>From the incumbent x with step Delta, one poll evaluates all 2d points x + Delta e_i and x - Delta e_i
 * together (complete polling, so a whole poll is one round, as the automatic parallelism makes it; a round set
 * smaller than the poll spans several rounds). When the best poll point improves on f(x) it becomes the incumbent and the step stays; otherwise
 * the step halves, Delta &lt;- Delta / 2. The search stops when Delta falls below {@code min-step}; with simple
 * decrease and halving, the polled points lie on a lattice, which is what makes the method converge.
 * A poll point outside the cube is infeasible and valued +infinity without a trial (see {@link DfoStrategy}).
 * Without a design round, the first round evaluates the start point alone.
 */
public final class PatternSearchStrategy extends DfoStrategy {
    /** The factor the step is multiplied by after an unsuccessful poll. */
    public static final double CONTRACTION = 0.5;
    private static final long STREAM = 0x5041_5454_4552_4E53L;

    /** The phases that propose candidates. */
    public enum Phase {
        START, POLL;

        /** @return the journal name, {@code start} or {@code poll} */
        public String journalName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private double[] incumbent;
    private double incumbentValue;
    private double step;
    private boolean finished;
    private int polls;

    /**
     * @param space the search space (categorical rule: see {@link UnitCube})
     * @param objective the metric and its direction
     * @param options step (initial Delta), min-step (stopping Delta), initial design
     * @param start the start point in the unit cube without a design round (null: the centre)
     * @param jobSeed the job seed (used by the design round only)
     */
    public PatternSearchStrategy(SearchSpace space, MinimizedObjective objective, DfoOptions options,
                                 double[] start, long jobSeed) {
        super(space, objective, options, start, jobSeed, STREAM);
        this.step = options.step();
    }

    @Override
    protected void begin(double[] x0, double f0) {
        incumbent = x0;
        incumbentValue = f0;
    }

    @Override
    protected List<Candidate> nextBatch() {
        if (finished) {
            return List.of();
        }
        if (Double.isNaN(incumbentValue)) {
            return List.of(new Candidate(incumbent.clone(), Phase.START.journalName()));
        }
        List<Candidate> poll = new ArrayList<>();
        for (int i = 0; i < dimension(); i++) {
            for (double sign : new double[] {1.0, -1.0}) {
                double[] point = incumbent.clone();
                point[i] += sign * step;
                poll.add(new Candidate(point, Phase.POLL.journalName()));
            }
        }
        return poll;
    }

    @Override
    protected void learn(List<Candidate> batch, double[] batchValues) {
        if (Double.isNaN(incumbentValue)) {
            incumbentValue = batchValues[0];
            return;
        }
        polls++;
        int best = 0;
        for (int i = 1; i < batchValues.length; i++) {
            if (batchValues[i] < batchValues[best]) {
                best = i;
            }
        }
        if (batchValues[best] < incumbentValue) {
            incumbent = batch.get(best).point().clone();
            incumbentValue = batchValues[best];
        } else {
            step *= CONTRACTION;
            finished = step < options().minStep();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /** @return the current step Delta */
    public double step() {
        return step;
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = super.report();
        report.put("dfo_polls", polls);
        report.put("dfo_final_step", step);
        return report;
    }
}
