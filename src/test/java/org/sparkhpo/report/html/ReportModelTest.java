package org.sparkhpo.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class ReportModelTest {
    static TrialResult trial(int id, TrialState state, double objective, double learningRate) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", objective);
        return new TrialResult(id, 0, "grid", state, new Configuration(Map.of("learning-rate", learningRate)),
                metrics, id, state == TrialState.FAILED ? "diverged" : null, List.of(objective / 2, objective));
    }

    static ReportInput input(List<TrialResult> trials) {
        return new ReportInput("r", "grid", "finished", List.of(new ObjectiveAxis("val_accuracy", true)), trials,
                Map.of(), ParameterAxis.of(null, trials), Map.of("hpo.seed", "1"), null);
    }

    @Test
    void nanMetricsBecomeNullAndDoNotCountAsBest() {
        ObjectNode model = ReportModel.of(input(List.of(trial(0, TrialState.COMPLETE, Double.NaN, 0.1),
                trial(1, TrialState.COMPLETE, 0.5, 0.2))));

        JsonNode first = model.get("trials").get(0);
        assertTrue(first.get("objective").isNull());
        assertTrue(first.get("best_so_far").isNull());
        assertTrue(first.get("curve").get(0).isNull());
        assertEquals(0.5, model.get("trials").get(1).get("best_so_far").asDouble());
        assertFalse(model.toString().contains("NaN"), model.toString());
    }

    @Test
    void aFailedTrialWithoutMetricsIsListedWithItsError() {
        TrialResult failed = new TrialResult(3, 0, "grid", TrialState.FAILED,
                new Configuration(Map.of("learning-rate", 9.0)), Map.of(), 3, "epoch 1: loss is NaN");

        ObjectNode model = ReportModel.of(input(List.of(failed)));

        assertTrue(model.get("trials").get(0).get("objective").isNull());
        assertEquals(0, model.get("trials").get(0).get("curve").size());
        assertEquals("epoch 1: loss is NaN", model.get("failed").get(0).get("error").asText());
        assertEquals(0, model.get("importance").get("trials").asInt());
        assertEquals(1, model.get("importance").get("values").size());
    }

    @Test
    void aSingleTrialIsItsOwnBestAndTooFewForImportance() {
        ObjectNode model = ReportModel.of(input(List.of(trial(0, TrialState.COMPLETE, 0.7, 0.1))));

        assertEquals(0.7, model.get("trials").get(0).get("best_so_far").asDouble());
        assertFalse(model.get("importance").get("enough").asBoolean());
        assertEquals(0.0, model.get("importance").get("values").get(0).get("share").asDouble());
        assertTrue(model.get("importance").get("method").asText().contains("permutation importance"));
    }

    @Test
    void aParameterOfOneValueGetsALinearAxisAndNoImportance() {
        List<TrialResult> trials = List.of(trial(0, TrialState.COMPLETE, 0.5, 0.1),
                trial(1, TrialState.COMPLETE, 0.6, 0.1), trial(2, TrialState.COMPLETE, 0.7, 0.1));

        ObjectNode model = ReportModel.of(input(trials));

        assertEquals("linear", model.get("params").get(0).get("kind").asText());
        assertTrue(model.get("importance").get("enough").asBoolean());
        assertEquals(0.0, model.get("importance").get("values").get(0).get("share").asDouble());
    }

    @Test
    void bestSoFarFollowsTheDirectionAndIgnoresPrunedTrials() {
        List<TrialResult> trials = List.of(trial(0, TrialState.COMPLETE, 0.5, 0.1),
                trial(1, TrialState.PRUNED, 0.1, 0.2), trial(2, TrialState.COMPLETE, 0.3, 0.3));
        ReportInput minimize = new ReportInput("r", "grid", "running", List.of(new ObjectiveAxis("val_accuracy",
                false)), trials, Map.of(1, 2.5), ParameterAxis.of(null, trials), Map.of(), "nightly-1");

        ObjectNode model = ReportModel.of(minimize);

        assertEquals(List.of(0.5, 0.5, 0.3), List.of(model.get("trials").get(0).get("best_so_far").asDouble(),
                model.get("trials").get(1).get("best_so_far").asDouble(),
                model.get("trials").get(2).get("best_so_far").asDouble()));
        assertEquals(2.5, model.get("trials").get(1).get("seconds").asDouble());
        assertTrue(model.get("trials").get(0).get("seconds").isNull());
        assertEquals("nightly-1", model.get("run").get("previous_run").asText());
        assertFalse(model.has("pareto"));
    }

    @Test
    void twoObjectivesGetTheParetoFrontOfTheNonDominatedTrials() {
        List<TrialResult> trials = List.of(twoMetrics(0, 0.9, 5.0), twoMetrics(1, 0.8, 1.0),
                twoMetrics(2, 0.7, 3.0), twoMetrics(3, 0.95, 9.0));
        ReportInput input = new ReportInput("r", "random", "finished", List.of(new ObjectiveAxis("val_accuracy",
                true), new ObjectiveAxis("predict_ms", false)), trials, Map.of(), ParameterAxis.of(null, trials),
                Map.of(), null);

        ObjectNode model = ReportModel.of(input);

        List<Integer> front = List.of(model.get("pareto").get("front").get(0).asInt(),
                model.get("pareto").get("front").get(1).asInt(), model.get("pareto").get("front").get(2).asInt());
        assertEquals(List.of(0, 1, 3), front);
        assertEquals(3, model.get("pareto").get("front").size());
    }

    @Test
    void banditTrialsCarryRungBudgetAndTheTrialTheyResumed() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", 0.6);
        metrics.put("rung", 1.0);
        metrics.put("budget_epochs", 3.0);
        metrics.put("resumed_from_trial", 0.0);
        TrialResult promoted = new TrialResult(4, 1, "rung-1", TrialState.COMPLETE,
                new Configuration(Map.of("l2", 1e-4)), metrics, 0, null);

        ObjectNode model = ReportModel.of(input(List.of(promoted)));

        assertTrue(model.get("run").get("bandit").asBoolean());
        assertEquals(3.0, model.get("trials").get(0).get("budget").asDouble());
        assertEquals(0, model.get("trials").get(0).get("resumed_from").asInt());
    }

    private static TrialResult twoMetrics(int id, double accuracy, double millis) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", accuracy);
        metrics.put("predict_ms", millis);
        return new TrialResult(id, 0, "random", TrialState.COMPLETE, new Configuration(Map.of("l2", 0.1 * id)),
                metrics, id, null);
    }
}
