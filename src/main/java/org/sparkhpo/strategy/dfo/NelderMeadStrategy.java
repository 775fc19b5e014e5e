package org.sparkhpo.strategy.dfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.MinimizedObjective;
import org.sparkhpo.strategy.UnitCube;

/**
 * Nelder–Mead simplex search (Nelder and Mead, "A simplex method for function minimization", Computer Journal
 * 7, 1965) in the parallel form of Lee and Wiswall ("A parallel implementation of the simplex function
 * minimization routine", Computational Economics 30, 2007), in the unit cube of the search space.
 *
 * <p>The simplex has d + 1 vertices x_1..x_{d+1}, sorted so that f(x_1) <= ... <= f(x_{d+1}). One iteration
 * moves the p worst vertices at once, p = min(round size, max(1, floor(d / 2))), so that at least half of the
 * simplex is kept to anchor the centroid (Lee and Wiswall move p <= d; keeping d + 1 - p >= d / 2 + 1
 * vertices keeps the centroid away from the moved ones): with c the centroid of the d + 1 - p kept
 * vertices, each moved vertex x_j is reflected to x_r = c + rho (c - x_j), and its reflection is then
 * expanded to x_e = c + rho chi (c - x_j) or contracted to x_oc = c + rho gamma (c - x_j) (outside) or
 * x_ic = c - gamma (c - x_j) (inside) by the rules in {@link SimplexMove}, with the worst kept vertex in the
 * place of the classic second-worst. The p reflections form one round; the expansions and contractions they
 * call for form the next. When no moved vertex improves, the simplex shrinks towards the best vertex,
 * x_i = x_1 + sigma (x_i - x_1), and its d new vertices form one round. With a round size of 1, p = 1 and this
 * is the classic method step for step.
 *
 * <p>When the round has room for all four candidates of every moved vertex (round size >= 4p, that is small d
 * on a large cluster), the expansion and both contractions are evaluated speculatively in the reflection
 * round, so an iteration takes one round instead of two; the decisions are the same.
 *
 * <p>Bounds: a reflection or expansion that leaves the unit cube is valued +infinity without a trial (extreme
 * barrier, see {@link DfoStrategy}), so the simplex contracts instead and stays inside and non-degenerate;
 * clipping candidates onto the boundary instead flattened the simplex against a face in our tests. When the simplex collapses (every vertex within {@code min-step} of the best in every
 * coordinate) the method restarts with a fresh simplex of edge {@code step} around the best vertex. The
 * initial simplex is x_0 and x_0 + step e_i (or - step e_i when that leaves the cube).
 *
 * <p>Coefficients are the standard ones, with the symbols of the papers: reflection {@link #RHO} = 1,
 * expansion {@link #CHI} = 2, contraction {@link #GAMMA} = 1/2, shrink {@link #SIGMA} = 1/2 (Lagarias, Reeds,
 * Wright and Wright, "Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM J.
 * Optim. 9, 1998).
 */
public final class NelderMeadStrategy extends DfoStrategy {
    /** Reflection coefficient rho. */
    public static final double RHO = 1.0;
    /** Expansion coefficient chi. */
    public static final double CHI = 2.0;
    /** Contraction coefficient gamma. */
    public static final double GAMMA = 0.5;
    /** Shrink coefficient sigma. */
    public static final double SIGMA = 0.5;
    /**
     * The simplex counts as degenerate (flat) when |det(x_2 - x_1, ..., x_{d+1} - x_1)| divided by the product
     * of the edge lengths falls below this; it is 1 for a right-angled simplex and 0 for a flat one.
     */
    static final double DEGENERATE = 1e-10;
    private static final long STREAM = 0x4E4D_5349_4D50_4C58L;

    /** The phases that propose candidates, as the journal records them (lower case). */
    public enum Phase {
        INITIAL, REFLECT, EXPAND, CONTRACT_OUTSIDE, CONTRACT_INSIDE, SHRINK, RESTART;

        /** @return the journal name, for example {@code contract-inside} */
        public String journalName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What the batch being evaluated holds. */
    private enum Pending { VERTICES, REFLECTIONS, FOLLOW_UPS }

    private final int movesPerIteration;
    private final boolean speculative;
    private double[][] vertices;
    private double[] values;
    private Phase vertexPhase = Phase.INITIAL;
    private Pending pending;
    private List<SimplexMove> moves = List.of();
    private int restarts;
    private int shrinks;

    /**
     * @param space the search space (categorical rule: see {@link UnitCube})
     * @param objective the metric and its direction
     * @param options step (initial simplex edge), min-step (collapse tolerance), initial design
     * @param roundSize the trials per round, >= 1: p = min(roundSize, max(1, d / 2))
     * @param start the start point in the unit cube without a design round (null: the centre)
     * @param jobSeed the job seed (used by the design round only; the simplex moves are deterministic)
     */
    public NelderMeadStrategy(SearchSpace space, MinimizedObjective objective, DfoOptions options, int roundSize,
                              double[] start, long jobSeed) {
        super(space, objective, options, start, jobSeed, STREAM);
        if (roundSize < 1) {
            throw new IllegalArgumentException("round size: " + roundSize + " must be >= 1");
        }
        this.movesPerIteration = Math.min(roundSize, Math.max(1, dimension() / 2));
        this.speculative = roundSize >= 4 * movesPerIteration;
    }

    @Override
    protected void begin(double[] x0, double f0) {
        simplexAround(x0, f0, Phase.INITIAL);
    }

    @Override
    protected List<Candidate> nextBatch() {
        List<Candidate> batch = new ArrayList<>();
        if (hasUnknownVertex()) {
            pending = Pending.VERTICES;
            for (int i = 0; i < vertices.length; i++) {
                if (Double.isNaN(values[i])) {
                    batch.add(new Candidate(vertices[i], vertexPhase.journalName()));
                }
            }
        } else if (moves.isEmpty()) {
            pending = Pending.REFLECTIONS;
            startIteration(batch);
        } else {
            pending = Pending.FOLLOW_UPS;
            for (SimplexMove move : moves) {
                addNeeded(move, batch);
            }
        }
        return batch;
    }

    @Override
    protected void learn(List<Candidate> batch, double[] batchValues) {
        switch (pending) {
            case VERTICES -> {
                int k = 0;
                for (int i = 0; i < vertices.length; i++) {
                    if (Double.isNaN(values[i])) {
                        values[i] = batchValues[k++];
                    }
                }
            }
            case REFLECTIONS -> learnReflections(batchValues);
            case FOLLOW_UPS -> learnFollowUps(batch, batchValues);
            default -> throw new IllegalStateException("unhandled batch " + pending);
        }
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> report = super.report();
        report.put("dfo_restarts", restarts);
        report.put("dfo_shrinks", shrinks);
        return report;
    }

    /** @return the number of moved vertices per iteration, p */
    public int movesPerIteration() {
        return movesPerIteration;
    }

    /** @return how many times the simplex collapsed and was rebuilt around the best vertex */
    public int restarts() {
        return restarts;
    }

    private void simplexAround(double[] x0, double f0, Phase phase) {
        int d = dimension();
        vertices = new double[d + 1][];
        values = new double[d + 1];
        Arrays.fill(values, Double.NaN);
        vertices[0] = x0.clone();
        values[0] = f0;
        double step = options().step();
        for (int i = 0; i < d; i++) {
            double[] vertex = x0.clone();
            vertex[i] = x0[i] + step <= 1.0 ? x0[i] + step : x0[i] - step;
            vertices[i + 1] = UnitCube.clip(vertex);
        }
        vertexPhase = phase;
        moves = List.of();
    }

    private boolean hasUnknownVertex() {
        for (double value : values) {
            if (Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    /** Sorts the simplex, restarts it when it has collapsed, else creates the p moves of an iteration. */
    private void startIteration(List<Candidate> batch) {
        sortVertices();
        if (diameter() < options().minStep() || hadamardRatio() < DEGENERATE) {
            restarts++;
            simplexAround(vertices[0], values[0], Phase.RESTART);
            for (int i = 1; i < vertices.length; i++) {
                batch.add(new Candidate(vertices[i], Phase.RESTART.journalName()));
            }
            pending = Pending.VERTICES;
            return;
        }
        int d = dimension();
        int kept = d + 1 - movesPerIteration;
        double[] centroid = new double[d];
        for (int v = 0; v < kept; v++) {
            for (int i = 0; i < d; i++) {
                centroid[i] += vertices[v][i] / kept;
            }
        }
        List<SimplexMove> created = new ArrayList<>();
        for (int j = kept; j <= d; j++) {
            SimplexMove move = new SimplexMove(j, vertices[j], values[j], centroid);
            created.add(move);
            batch.add(new Candidate(move.reflect, Phase.REFLECT.journalName()));
            if (speculative) {
                batch.add(new Candidate(move.expand, Phase.EXPAND.journalName()));
                batch.add(new Candidate(move.contractOutside, Phase.CONTRACT_OUTSIDE.journalName()));
                batch.add(new Candidate(move.contractInside, Phase.CONTRACT_INSIDE.journalName()));
            }
        }
        moves = created;
    }

    private void learnReflections(double[] batchValues) {
        int k = 0;
        for (SimplexMove move : moves) {
            move.reflectValue = batchValues[k++];
            if (speculative) {
                move.expandValue = batchValues[k++];
                move.contractOutsideValue = batchValues[k++];
                move.contractInsideValue = batchValues[k++];
            }
        }
        boolean needsMore = false;
        for (SimplexMove move : moves) {
            needsMore |= isNeed(move.decide(bestVertexValue(), keepValue()));
        }
        if (!needsMore) {
            finishIteration();
        }
    }

    private void learnFollowUps(List<Candidate> batch, double[] batchValues) {
        int k = 0;
        for (SimplexMove move : moves) {
            SimplexMove.Status status = move.decide(bestVertexValue(), keepValue());
            if (!isNeed(status)) {
                continue;
            }
            double value = batchValues[k++];
            switch (status) {
                case NEEDS_EXPAND -> move.expandValue = value;
                case NEEDS_CONTRACT_OUTSIDE -> move.contractOutsideValue = value;
                default -> move.contractInsideValue = value;
            }
        }
        finishIteration();
    }

    private void addNeeded(SimplexMove move, List<Candidate> batch) {
        switch (move.decide(bestVertexValue(), keepValue())) {
            case NEEDS_EXPAND -> batch.add(new Candidate(move.expand, Phase.EXPAND.journalName()));
            case NEEDS_CONTRACT_OUTSIDE -> batch.add(new Candidate(move.contractOutside,
                    Phase.CONTRACT_OUTSIDE.journalName()));
            case NEEDS_CONTRACT_INSIDE -> batch.add(new Candidate(move.contractInside,
                    Phase.CONTRACT_INSIDE.journalName()));
            default -> {
                // Decided already: nothing to evaluate for this vertex.
            }
        }
    }

    /** Replaces every vertex whose move was accepted; shrinks towards the best vertex when none was. */
    private void finishIteration() {
        boolean improved = false;
        for (SimplexMove move : moves) {
            if (move.decide(bestVertexValue(), keepValue()) == SimplexMove.Status.ACCEPTED) {
                vertices[move.vertex] = move.accepted;
                values[move.vertex] = move.acceptedValue;
                improved = true;
            }
        }
        moves = List.of();
        if (!improved) {
            shrinks++;
            for (int i = 1; i < vertices.length; i++) {
                double[] shrunk = new double[dimension()];
                for (int k = 0; k < shrunk.length; k++) {
                    shrunk[k] = vertices[0][k] + SIGMA * (vertices[i][k] - vertices[0][k]);
                }
                vertices[i] = shrunk;
                values[i] = Double.NaN;
            }
            vertexPhase = Phase.SHRINK;
        }
    }

    private static boolean isNeed(SimplexMove.Status status) {
        return status != SimplexMove.Status.ACCEPTED && status != SimplexMove.Status.FAILED;
    }

    private double bestVertexValue() {
        return values[0];
    }

    /** @return f of the worst kept vertex (index d - p after sorting): the classic second-worst when p = 1 */
    private double keepValue() {
        return values[dimension() - movesPerIteration];
    }

    private void sortVertices() {
        Integer[] order = new Integer[vertices.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[][] sortedVertices = new double[vertices.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedVertices[i] = vertices[order[i]];
            sortedValues[i] = values[order[i]];
        }
        vertices = sortedVertices;
        values = sortedValues;
    }

    /** @return |det E| / prod ||e_i|| for the edges e_i = x_{i+1} - x_1: Hadamard's ratio, in [0, 1] */
    private double hadamardRatio() {
        int d = dimension();
        double[][] edges = new double[d][d];
        double lengths = 1.0;
        for (int i = 0; i < d; i++) {
            double norm = 0.0;
            for (int k = 0; k < d; k++) {
                edges[i][k] = vertices[i + 1][k] - vertices[0][k];
                norm += edges[i][k] * edges[i][k];
            }
            lengths *= Math.sqrt(norm);
        }
        if (lengths == 0.0) {
            return 0.0;
        }
        return Math.abs(new LUDecomposition(new Array2DRowRealMatrix(edges, false)).getDeterminant()) / lengths;
    }

    /** @return the largest coordinate distance of any vertex from the best one */
    private double diameter() {
        double diameter = 0.0;
        for (int i = 1; i < vertices.length; i++) {
            for (int k = 0; k < dimension(); k++) {
                diameter = Math.max(diameter, Math.abs(vertices[i][k] - vertices[0][k]));
            }
        }
        return diameter;
    }
}
