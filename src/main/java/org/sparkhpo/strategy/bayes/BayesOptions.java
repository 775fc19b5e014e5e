package org.sparkhpo.strategy.bayes;

/**
 * Options of the {@code bayes} strategy ({@code hpo.search.bayes}). Immutable, validated here with messages
 * that name the key, the value and the rule. Distances are in the model cube ({@link OneHotCube}).
 *
 * @param initialPoints size of the Halton design before the first model round; 0 for max(d + 1, round size)
 *     with d the number of parameters
 * @param candidates uniform points scored per proposal before local refinement, >= 16
 * @param minDistance no proposal lies closer than this (Euclidean) to an evaluated, failed or already proposed
 *     point, in (0, 0.5]
 * @param fitStarts starts of the marginal-likelihood maximization per round, >= 1
 * @param outputWarping what is done to the standardized objective before the fit
 * @param lowerBound how many proposals of a round minimize the lower confidence bound instead
 * @param lengthScalePrior the prior on the length scales in the hyperparameters' fit ({@link LengthScalePrior#NONE}:
 *     maximum likelihood)
 */
public record BayesOptions(int initialPoints, int candidates, double minDistance, int fitStarts,
                           OutputWarping outputWarping, LowerBoundProposals lowerBound,
                           LengthScalePrior lengthScalePrior) {
    public BayesOptions {
        if (initialPoints < 0) {
            throw new IllegalArgumentException("initial-points: " + initialPoints + " must be >= 0");
        }
        if (candidates < 16) {
            throw new IllegalArgumentException("candidates: " + candidates + " must be >= 16");
        }
        if (!(minDistance > 0 && minDistance <= 0.5)) {
            throw new IllegalArgumentException("min-distance: " + minDistance + " must be in (0, 0.5]");
        }
        if (fitStarts < 1) {
            throw new IllegalArgumentException("fit-starts: " + fitStarts + " must be >= 1");
        }
        if (outputWarping == null) {
            throw new IllegalArgumentException("output-warping: must be one of " + OutputWarping.names());
        }
        if (lowerBound == null) {
            throw new IllegalArgumentException("lcb-proposals: the lower-bound proposals must be given");
        }
        if (lengthScalePrior == null) {
            throw new IllegalArgumentException("length-scale-prior: must be one of " + LengthScalePrior.names());
        }
    }

    /** @return the defaults of reference.conf */
    public static BayesOptions defaults() {
        return new BayesOptions(0, 256, 0.001, 2, OutputWarping.YEO_JOHNSON, new LowerBoundProposals(1, 1.0, 1e-5),
                LengthScalePrior.DIMENSION_SCALED);
    }
}
