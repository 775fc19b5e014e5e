package org.sparkhpo.report.html;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * The non-dominated COMPLETE trials of a run with several objectives: trial a dominates b when a is at least as
 * good as b in every objective and better in one (Deb, "Multi-Objective Optimization Using Evolutionary
 * Algorithms", 2001, definition 2.5). O(n^2 m) for n trials and m objectives: fine for a report. Trials with a
 * non-finite value of any objective take no part.
 */
final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * @param trials the trials, any state
     * @param objectives the objectives, two or more
     * @return the ids of the front's trials, in the order given
     */
    static List<Integer> of(List<TrialResult> trials, List<ObjectiveAxis> objectives) {
        List<TrialResult> candidates = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .filter(t -> objectives.stream().allMatch(o -> Double.isFinite(t.metric(o.key()))))
                .toList();
        List<Integer> front = new ArrayList<>();
        for (TrialResult candidate : candidates) {
            if (candidates.stream().noneMatch(other -> dominates(other, candidate, objectives))) {
                front.add(candidate.id());
            }
        }
        return front;
    }

    private static boolean dominates(TrialResult a, TrialResult b, List<ObjectiveAxis> objectives) {
        boolean better = false;
        for (ObjectiveAxis objective : objectives) {
            double sign = objective.higherIsBetter() ? 1.0 : -1.0;
            double difference = sign * (a.metric(objective.key()) - b.metric(objective.key()));
            if (difference < 0) {
                return false;
            }
            better |= difference > 0;
        }
        return better;
    }
}
