package org.sparkhpo.strategy.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rung sizes and budgets against the formulas of Li et al. (JMLR 2018) and Jamieson and Talwalkar (2016). */
class BracketPlanTest {
    @Test
    void hyperbandWithR81AndEta3IsTable1OfThePaper() {
        List<BracketPlan> brackets = BracketPlan.hyperband(3, 1, 81);
        assertEquals(5, brackets.size());
        assertBracket(brackets.get(0), 4, new int[] {81, 27, 9, 3, 1}, new int[] {1, 3, 9, 27, 81});
        assertBracket(brackets.get(1), 3, new int[] {34, 11, 3, 1}, new int[] {3, 9, 27, 81});
        assertBracket(brackets.get(2), 2, new int[] {15, 5, 1}, new int[] {9, 27, 81});
        assertBracket(brackets.get(3), 1, new int[] {8, 2}, new int[] {27, 81});
        assertBracket(brackets.get(4), 0, new int[] {5}, new int[] {81});
    }

    /** Every bracket of every setting against n = ceil((s_max+1)/(s+1) eta^s), n_i = floor(n eta^-i), r_i. */
    @ParameterizedTest(name = "eta={0}, min={1}, max={2}")
    @CsvSource({"3, 1, 27, 3", "2, 1, 8, 3", "3, 2, 20, 2", "4, 1, 64, 3", "2, 3, 3, 0", "3, 1, 9, 2",
            "5, 1, 4, 0", "2, 5, 41, 3"})
    void hyperbandBracketsFollowThePaper(int eta, int min, int max, int expectedSMax) {
        int sMax = (int) Math.floor(Math.log((double) max / min) / Math.log(eta) + 1e-9);
        assertEquals(expectedSMax, sMax, "the test's own s_max");
        assertEquals(sMax, BracketPlan.maxBracket(eta, min, max));
        List<BracketPlan> brackets = BracketPlan.hyperband(eta, min, max);
        assertEquals(sMax + 1, brackets.size());
        for (BracketPlan plan : brackets) {
            int s = plan.bracket();
            assertEquals(sMax - brackets.indexOf(plan), s, "brackets run s_max down to 0");
            int n = (int) Math.ceil((sMax + 1) / (double) (s + 1) * Math.pow(eta, s) - 1e-9);
            for (int i = 0; i <= s; i++) {
                assertEquals((int) Math.floor(n * Math.pow(eta, -i) + 1e-9), plan.sizes()[i], plan + " size " + i);
                assertEquals(Math.round(max * Math.pow(eta, i - s)), plan.budgets()[i], plan + " budget " + i);
            }
            assertEquals(max, plan.budgets()[s], "the last rung trains to max-epochs");
            assertEquals(true, plan.budgets()[0] >= min, "no rung below min-epochs");
        }
    }

    @Test
    void successiveHalvingIsTheMostAggressiveBracketWithTheGivenN() {
        BracketPlan plan = BracketPlan.successiveHalving(27, 3, 1, 27);
        assertBracket(plan, 3, new int[] {27, 9, 3, 1}, new int[] {1, 3, 9, 27});
        assertEquals(27 + 9 * 2 + 3 * 6 + 18, plan.epochsWithResumption());
        assertEquals(40, plan.evaluations());
        assertBracket(BracketPlan.successiveHalving(10, 2, 2, 16), 3, new int[] {10, 5, 2, 1},
                new int[] {2, 4, 8, 16});
    }

    @Test
    void edgeCasesOneConfigurationEtaAboveNAndMaxEqualToMin() {
        assertBracket(BracketPlan.successiveHalving(1, 3, 1, 9), 2, new int[] {1, 1, 1}, new int[] {1, 3, 9});
        assertBracket(BracketPlan.successiveHalving(2, 4, 1, 16), 2, new int[] {2, 1, 1}, new int[] {1, 4, 16});
        assertBracket(BracketPlan.successiveHalving(5, 3, 4, 4), 0, new int[] {5}, new int[] {4});
        List<BracketPlan> single = BracketPlan.hyperband(3, 4, 4);
        assertEquals(1, single.size());
        assertBracket(single.get(0), 0, new int[] {1}, new int[] {4});
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> BracketPlan.maxBracket(1, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> BracketPlan.maxBracket(3, 0, 9));
        assertThrows(IllegalArgumentException.class, () -> BracketPlan.maxBracket(3, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> BracketPlan.successiveHalving(0, 3, 1, 9));
    }

    private static void assertBracket(BracketPlan plan, int s, int[] sizes, int[] budgets) {
        assertEquals(s, plan.bracket());
        assertArrayEquals(sizes, plan.sizes(), plan.toString());
        assertArrayEquals(budgets, plan.budgets(), plan.toString());
    }
}
