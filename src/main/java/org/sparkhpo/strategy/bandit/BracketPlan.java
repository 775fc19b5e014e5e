package org.sparkhpo.strategy.bandit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of one successive-halving bracket: how many configurations each rung holds and the epoch
 * budget each rung trains them to. Symbols of Li et al. ("Hyperband: a novel bandit-based approach to
 * hyperparameter optimization", JMLR 18(185), 2018, Algorithm 1), with epochs as the resource:
 *
 * <pre>
 *   eta   = reduction factor (hpo.search.bandit.reduction-factor)
 *   R     = max-epochs / min-epochs, the most resource one configuration gets, in units of min-epochs
 *   s_max = floor(log_eta R)                         (computed exactly in integers)
 *   bracket s:  n = ceil((s_max + 1) / (s + 1) * eta^s) configurations,  r = R * eta^-s
 *   rung i = 0..s:  n_i = floor(n * eta^-i) configurations,  r_i = r * eta^i resource
 * </pre>
 *
 * In epochs, r_i * min-epochs = max-epochs * eta^(i - s), rounded to the nearest integer: the last rung is
 * exactly max-epochs, and rung i is min-epochs * eta^i exactly when max/min is a power of eta. Successive
 * halving with n configurations (Jamieson and Talwalkar, "Non-stochastic best arm identification and
 * hyperparameter optimization", AISTATS 2016) is the bracket s = s_max with that n. Rung sizes are
 * computed as n_i = max(1, floor(n_(i-1) / eta)), which equals the paper's floor(n eta^-i) whenever that is
 * at least 1 (always, for Hyperband's n); when fewer configurations are given than eta^s, the best one
 * still goes on to max-epochs instead of the bracket ending with an empty rung.
 *
 * @param bracket s
 * @param budgets the epochs each rung trains to, r_0 &lt; r_1 &lt; ... &lt; r_s = max-epochs
 * @param sizes the configurations of each rung, n_0 &gt;= n_1 &gt;= ... &gt;= n_s &gt;= 1
 */
public record BracketPlan(int bracket, int[] budgets, int[] sizes) {
    public BracketPlan {
        if (budgets.length != bracket + 1 || sizes.length != bracket + 1) {
            throw new IllegalArgumentException("bracket " + bracket + ": needs " + (bracket + 1)
                    + " budgets and sizes, got " + budgets.length + " and " + sizes.length);
        }
        budgets = budgets.clone();
        sizes = sizes.clone();
    }

    /**
     * @param eta the reduction factor, >= 2
     * @param minEpochs the smallest budget, >= 1
     * @param maxEpochs the largest budget, >= minEpochs
     * @return s_max = floor(log_eta(maxEpochs / minEpochs)), the largest s with min * eta^s &lt;= max
     */
    public static int maxBracket(int eta, int minEpochs, int maxEpochs) {
        checkParameters(eta, minEpochs, maxEpochs);
        int s = 0;
        long resource = minEpochs;
        while (resource * eta <= maxEpochs) {
            resource *= eta;
            s++;
        }
        return s;
    }

    /**
     * @param configurations n, the configurations of rung 0, >= 1
     * @return the successive-halving bracket s = s_max with n configurations
     */
    public static BracketPlan successiveHalving(int configurations, int eta, int minEpochs, int maxEpochs) {
        if (configurations < 1) {
            throw new IllegalArgumentException("successive halving: configurations (" + configurations
                    + ") must be >= 1");
        }
        return of(maxBracket(eta, minEpochs, maxEpochs), configurations, eta, maxEpochs);
    }

    /** @return Hyperband's brackets s = s_max, s_max - 1, ..., 0, in the order they run */
    public static List<BracketPlan> hyperband(int eta, int minEpochs, int maxEpochs) {
        int sMax = maxBracket(eta, minEpochs, maxEpochs);
        List<BracketPlan> brackets = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            long power = pow(eta, s);
            long n = ((sMax + 1) * power + s) / (s + 1);  // ceil((s_max + 1) eta^s / (s + 1)), exactly
            brackets.add(of(s, Math.toIntExact(n), eta, maxEpochs));
        }
        return brackets;
    }

    /** @return the configurations of rung 0 */
    public int configurations() {
        return sizes[0];
    }

    /** @return how many trials (rung evaluations) the bracket runs: the sum of the rung sizes */
    public int evaluations() {
        return Arrays.stream(sizes).sum();
    }

    /** @return the epochs the bracket trains when every promoted trial resumes: sum n_i (r_i - r_(i-1)) */
    public long epochsWithResumption() {
        long epochs = 0;
        for (int i = 0; i <= bracket; i++) {
            epochs += (long) sizes[i] * (budgets[i] - (i == 0 ? 0 : budgets[i - 1]));
        }
        return epochs;
    }

    private static BracketPlan of(int s, int n, int eta, int maxEpochs) {
        int[] budgets = new int[s + 1];
        int[] sizes = new int[s + 1];
        for (int i = 0; i <= s; i++) {
            budgets[i] = (int) Math.round(maxEpochs / (double) pow(eta, s - i));
            sizes[i] = i == 0 ? n : Math.max(1, sizes[i - 1] / eta);
        }
        return new BracketPlan(s, budgets, sizes);
    }

    private static long pow(int base, int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value = Math.multiplyExact(value, base);
        }
        return value;
    }

    private static void checkParameters(int eta, int minEpochs, int maxEpochs) {
        if (eta < 2) {
            throw new IllegalArgumentException("reduction-factor: " + eta + " must be >= 2");
        }
        if (minEpochs < 1 || maxEpochs < minEpochs) {
            throw new IllegalArgumentException("bandit epochs: min (" + minEpochs + ") must be >= 1 and max ("
                    + maxEpochs + ") >= min");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BracketPlan p && bracket == p.bracket && Arrays.equals(budgets, p.budgets)
                && Arrays.equals(sizes, p.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(budgets) + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "bracket " + bracket + ": sizes " + Arrays.toString(sizes) + ", epochs " + Arrays.toString(budgets);
    }
}
