package org.sparkhpo.trial;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the driver plans for one trial beyond its configuration: how far to train, from which checkpoint,
 * and the medians of the median stopping rule. {@link #FULL} (a plain trial: the configuration's whole
 * epoch budget from scratch, no median rule) is what grid and random search use.
 *
 * <p>Bandit trials (successive halving, Hyperband): each rung evaluation of a configuration is its own
 * trial. It trains until {@code budgetEpochs} epochs are done in all, starting from the checkpoint of trial
 * {@code resumes} (the same configuration's evaluation in the rung below) or from scratch in rung 0, and
 * writes its own checkpoint when its budget is below the configuration's epoch budget (so a later rung can
 * resume it).
 *
 * @param budgetEpochs the epoch count to reach, counted from the run's start; 0 for the configuration's
 *     budget without checkpoints
 * @param resumes the trial whose checkpoint this trial continues, or -1 to start from zero parameters
 * @param rung the rung of successive halving (0 first), or -1 for trials outside a bandit
 * @param medians m_s of the median stopping rule at index s - 1 (NaN where it does not apply), from trials
 *     completed in earlier rounds; null when the rule is off. An empty array keeps the rule on without
 *     stopping anything (the first round), so that the trial still reports its learning curve.
 */
public record TrialPlan(int budgetEpochs, int resumes, int rung, double[] medians) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A plain trial: the whole budget from scratch, no checkpoint, no median rule. */
    public static final TrialPlan FULL = new TrialPlan(0, -1, -1, null);

    public TrialPlan {
        if (budgetEpochs < 0 || resumes < -1 || rung < -1) {
            throw new IllegalArgumentException("trial plan: budget (" + budgetEpochs + ") must be >= 0, resumes ("
                    + resumes + ") and rung (" + rung + ") >= -1");
        }
        if (resumes >= 0 && budgetEpochs == 0) {
            throw new IllegalArgumentException("trial plan: resuming trial " + resumes + " needs an epoch budget");
        }
        medians = medians == null ? null : medians.clone();
    }

    /**
     * @param rung the rung, >= 0
     * @param budgetEpochs the epochs to have done at the end of the rung, >= 1
     * @param resumes the trial of the rung below to resume, or -1 in rung 0
     * @return the plan of one rung evaluation
     */
    public static TrialPlan rung(int rung, int budgetEpochs, int resumes) {
        if (rung < 0 || budgetEpochs < 1) {
            throw new IllegalArgumentException("rung plan: rung (" + rung + ") must be >= 0 and budget ("
                    + budgetEpochs + ") >= 1");
        }
        return new TrialPlan(budgetEpochs, resumes, rung, null);
    }

    /** @return this plan with the median stopping rule on, with these medians */
    public TrialPlan withMedians(double[] medianCurve) {
        return new TrialPlan(budgetEpochs, resumes, rung, medianCurve);
    }

    /** @return true for a rung evaluation of a bandit (trains to a budget and checkpoints) */
    public boolean isRung() {
        return budgetEpochs > 0;
    }

    /** @return true when the median stopping rule is on for this trial */
    public boolean medianRule() {
        return medians != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrialPlan p && budgetEpochs == p.budgetEpochs && resumes == p.resumes
                && rung == p.rung && Arrays.equals(medians, p.medians);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * budgetEpochs + resumes) + rung;
    }

    @Override
    public String toString() {
        return "TrialPlan[budget " + budgetEpochs + ", resumes " + resumes + ", rung " + rung
                + (medians == null ? "" : ", medians " + Arrays.toString(medians)) + "]";
    }
}
