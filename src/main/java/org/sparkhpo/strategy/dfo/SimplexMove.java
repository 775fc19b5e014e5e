package org.sparkhpo.strategy.dfo;

/**
 * The move of one of the p worst vertices in a parallel Nelder–Mead iteration (Lee and Wiswall 2007):
 * its four candidates along the line from the vertex x_j through the centroid c of the kept vertices, their
 * values as they become known (NaN until then), and the decision of Nelder and Mead's rules. Package-private
 * working state of {@link NelderMeadStrategy}.
 */
final class SimplexMove {
    /** What a move needs next, or its outcome. */
    enum Status { NEEDS_EXPAND, NEEDS_CONTRACT_OUTSIDE, NEEDS_CONTRACT_INSIDE, ACCEPTED, FAILED }

    final int vertex;
    final double vertexValue;
    final double[] reflect;
    final double[] expand;
    final double[] contractOutside;
    final double[] contractInside;
    double reflectValue = Double.NaN;
    double expandValue = Double.NaN;
    double contractOutsideValue = Double.NaN;
    double contractInsideValue = Double.NaN;
    double[] accepted;
    double acceptedValue;

    /**
     * x_r = c + rho (c - x_j), x_e = c + rho chi (c - x_j), x_oc = c + rho gamma (c - x_j),
     * x_ic = c - gamma (c - x_j); a candidate outside the unit cube is valued +infinity without a trial.
     */
    SimplexMove(int vertex, double[] x, double value, double[] centroid) {
        this.vertex = vertex;
        this.vertexValue = value;
        this.reflect = along(centroid, x, NelderMeadStrategy.RHO);
        this.expand = along(centroid, x, NelderMeadStrategy.RHO * NelderMeadStrategy.CHI);
        this.contractOutside = along(centroid, x, NelderMeadStrategy.RHO * NelderMeadStrategy.GAMMA);
        this.contractInside = along(centroid, x, -NelderMeadStrategy.GAMMA);
    }

    private static double[] along(double[] centroid, double[] x, double coefficient) {
        double[] point = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            point[i] = centroid[i] + coefficient * (centroid[i] - x[i]);
        }
        return point;
    }

    /**
     * Nelder and Mead's rules for this vertex, with f_1 the best value of the simplex and f_keep the worst
     * value among the kept (not moved) vertices, which is the second-worst vertex when p = 1:
     * f_r < f_1: expand, keep the better of x_e and x_r; f_1 <= f_r < f_keep: keep x_r;
     * f_keep <= f_r < f_j: outside contraction, keep x_oc when f_oc <= f_r; f_r >= f_j: inside contraction,
     * keep x_ic when f_ic < f_j. The move FAILS when its contraction is not kept.
     *
     * @return the outcome, or which candidate is still needed
     */
    Status decide(double bestValue, double keepValue) {
        if (reflectValue < bestValue) {
            if (Double.isNaN(expandValue)) {
                return Status.NEEDS_EXPAND;
            }
            return expandValue < reflectValue ? accept(expand, expandValue) : accept(reflect, reflectValue);
        }
        if (reflectValue < keepValue) {
            return accept(reflect, reflectValue);
        }
        if (reflectValue < vertexValue) {
            if (Double.isNaN(contractOutsideValue)) {
                return Status.NEEDS_CONTRACT_OUTSIDE;
            }
            return contractOutsideValue <= reflectValue ? accept(contractOutside, contractOutsideValue)
                    : Status.FAILED;
        }
        if (Double.isNaN(contractInsideValue)) {
            return Status.NEEDS_CONTRACT_INSIDE;
        }
        return contractInsideValue < vertexValue ? accept(contractInside, contractInsideValue) : Status.FAILED;
    }

    private Status accept(double[] point, double value) {
        accepted = point;
        acceptedValue = value;
        return Status.ACCEPTED;
    }
}
