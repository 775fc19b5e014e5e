package org.sparkhpo.strategy.bayes;

/**
 * How many of each round's proposals minimize the {@link LowerConfidenceBound} instead of maximizing expected
 * improvement ({@code hpo.search.bayes.lcb-*}). Validated here with messages that name the key, the value and
 * the rule; distances are in the model cube ({@link OneHotCube}).
 *
 * @param perRound lower-bound proposals per round, >= 0; a round of q keeps at least one expected-improvement
 *     proposal, so at most q - 1 of them (none in rounds of one)
 * @param kappa the weight of the posterior standard deviation, in [0, 100)
 * @param minDistance no lower-bound proposal lies closer than this to an evaluated, failed or already proposed
 *     point, in (0, 0.5]
 */
public record LowerBoundProposals(int perRound, double kappa, double minDistance) {
    public LowerBoundProposals {
        if (perRound < 0) {
            throw new IllegalArgumentException("lcb-proposals: " + perRound + " must be >= 0");
        }
        if (!(kappa >= 0 && kappa < 100)) {
            throw new IllegalArgumentException("lcb-kappa: " + kappa + " must be in [0, 100)");
        }
        if (!(minDistance > 0 && minDistance <= 0.5)) {
            throw new IllegalArgumentException("lcb-min-distance: " + minDistance + " must be in (0, 0.5]");
        }
    }

    /** @return no lower-bound proposal: every proposal by expected improvement */
    public static LowerBoundProposals none() {
        return new LowerBoundProposals(0, 1.0, 1e-5);
    }

    /** @return how many of a round of q are lower-bound proposals */
    int of(int q) {
        return Math.max(0, Math.min(perRound, q - 1));
    }
}
