package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.multiobjective.ParetoFront;

/**
 * Cost-aware runs end to end through {@link HpoJob#run} (Spark local mode, embedded Fashion-MNIST subset):
 * the example configurations {@code conf/multi-objective.conf} and {@code conf/constrained.conf}, a
 * successive-halving run under a Pareto objective with a bound, and the resume of a multi-objective run.
 */
class CostAwareJobTest {
    @TempDir
    static Path output;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Run(int code, String stderr) {
    }

    private static Run run(String conf, String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of(conf, "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.finish.save-model=false", "--set", "hpo.output.dir=" + output,
                "--set", "hpo.run-id=" + runId));
        args.addAll(Arrays.asList(extra));
        JobRun run = JobRun.of(args);
        return new Run(run.code(), run.stderr());
    }

    private static JsonNode json(String runId, String file) throws IOException {
        return MAPPER.readTree(output.resolve(runId).resolve(file).toFile());
    }

    private static List<JsonNode> journal(String runId) throws IOException {
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve(runId).resolve("trials.jsonl"))) {
            trials.add(MAPPER.readTree(line));
        }
        return trials;
    }

    private static double[] point(JsonNode trial) {
        JsonNode metrics = trial.get("metrics");
        return new double[] {-metrics.get("val_accuracy").asDouble(), metrics.get("core_seconds").asDouble(),
                metrics.get("nonzero_weights").asDouble()};
    }

    @Test
    void theMultiObjectiveExampleWritesAFrontOfNonDominatedTrialsAndSelectsItsKnee() throws IOException {
        Run run = run("conf/multi-objective.conf", "pareto", "--set", "hpo.data.test=");
        assertEquals(0, run.code(), run.stderr());
        JsonNode pareto = assertFrontIsTheNonDominatedSet("pareto");
        JsonNode front = pareto.get("front");
        assertEquals("knee", pareto.get("select").asText());
        String summary = Files.readString(output.resolve("pareto/summary.txt"));
        assertTrue(summary.contains("pareto front: " + front.size() + " non-dominated of 12 trials"), summary);
        String report = Files.readString(output.resolve("pareto/report.html"));
        assertTrue(report.contains("\"pareto\":{\"objectives\":"), "report.html carries the Pareto front's data");
    }

    /** bayes and tpe search a Pareto objective by ParEGO's scalarization, model rounds after the design. */
    @ParameterizedTest
    @ValueSource(strings = {"bayes", "tpe"})
    void theModelBasedStrategiesSearchTheMultiObjectiveExample(String strategy) throws IOException {
        String runId = "pareto-" + strategy;
        Run run = run("conf/multi-objective.conf", runId, "--set", "hpo.data.test=", "--set",
                "hpo.search.strategy=" + strategy, "--set", "hpo.search.parallelism=4");
        assertEquals(0, run.code(), run.stderr());
        assertFrontIsTheNonDominatedSet(runId);
        List<JsonNode> trials = journal(runId);
        assertEquals(12, trials.size());
        assertEquals(8, trials.stream().filter(t -> t.get("phase").asText().equals("model")).count(),
                "a design round of 4, then two model rounds");
    }

    /** @return pareto.json of the run, checked: at least two trials, exactly the journal's non-dominated ones */
    private static JsonNode assertFrontIsTheNonDominatedSet(String runId) throws IOException {
        JsonNode pareto = json(runId, "pareto.json");
        JsonNode front = pareto.get("front");
        assertTrue(front.size() >= 2, pareto.toString());
        List<JsonNode> trials = journal(runId);
        for (JsonNode member : front) {
            for (JsonNode other : trials) {
                assertFalse(ParetoFront.dominates(point(other), point(member)),
                        "trial " + other.get("id") + " dominates front trial " + member.get("id"));
            }
        }
        long nonDominated = trials.stream().filter(t -> trials.stream()
                .noneMatch(o -> ParetoFront.dominates(point(o), point(t)))).count();
        assertEquals(nonDominated, front.size(), "every non-dominated trial is on the front");
        assertEquals(json(runId, "best.json").get("trial_id"), pareto.get("selected_trial"));
        return pareto;
    }

    @Test
    void theConstrainedExampleJournalsInfeasibleTrialsAndSelectsAFeasibleOne() throws IOException {
        Run run = run("conf/constrained.conf", "constrained", "--set", "hpo.data.test=");
        assertEquals(0, run.code(), run.stderr());
        List<JsonNode> trials = journal("constrained");
        assertEquals(9, trials.size());
        List<JsonNode> infeasible = trials.stream()
                .filter(t -> t.get("metrics").get("feasible").asDouble() == 0.0).toList();
        assertFalse(infeasible.isEmpty());
        for (JsonNode trial : trials) {
            JsonNode metrics = trial.get("metrics");
            boolean meets = metrics.get("nonzero_weights").asDouble() <= 7000 && metrics.get("epochs").asDouble() <= 6;
            assertEquals(meets ? 1.0 : 0.0, metrics.get("feasible").asDouble(), trial.toString());
            assertTrue(metrics.get("val_accuracy").isNumber(), "the real metric is journaled: " + trial);
        }
        JsonNode best = json("constrained", "best.json").get("validation");
        assertEquals(1.0, best.get("feasible").asDouble(), best.toString());
        double bestFeasible = trials.stream().filter(t -> t.get("metrics").get("feasible").asDouble() == 1.0)
                .mapToDouble(t -> t.get("metrics").get("val_accuracy").asDouble()).max().orElseThrow();
        assertTrue(best.get("val_accuracy").asDouble() >= bestFeasible - 0.005, best.toString());
        long feasibleCount = trials.size() - infeasible.size();
        String summary = Files.readString(output.resolve("constrained/summary.txt"));
        assertTrue(summary.contains("feasible      " + feasibleCount + " of 9 trials meet"), summary);
    }

    @Test
    void theWeightedExampleJournalsTheScalarizedValueAndSelectsItsBest() throws IOException {
        Run run = run("conf/weighted.conf", "weighted", "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.data.test=");
        assertEquals(0, run.code(), run.stderr());
        List<JsonNode> trials = journal("weighted");
        JsonNode top = trials.get(0);
        for (JsonNode trial : trials) {
            JsonNode m = trial.get("metrics");
            double expected = m.get("val_accuracy").asDouble() - 0.002 * m.get("epochs").asDouble()
                    - 1e-6 * m.get("nonzero_weights").asDouble();
            assertEquals(expected, m.get("scalarized").asDouble(), 1e-9, trial.toString());
            if (m.get("scalarized").asDouble() > top.get("metrics").get("scalarized").asDouble()) {
                top = trial;
            }
        }
        assertEquals(top.get("id"), json("weighted", "best.json").get("trial_id"));
        assertFalse(Files.exists(output.resolve("weighted/pareto.json")), "no cost axes, no front");
    }

    @Test
    void successiveHalvingPromotesByParetoRankUnderABoundAndJournalsRealMetrics() throws IOException {
        Run run = run("conf/local.conf", "halving", "--set", "hpo.data.max-train-rows=2000", "--set",
                "hpo.data.test=", "--set", "hpo.search.strategy=successive-halving",
                "--set", "hpo.search.bandit.min-epochs=1", "--set", "hpo.search.bandit.max-epochs=4",
                "--set", "hpo.search.bandit.reduction-factor=2", "--set", "hpo.search.bandit.sampler=random",
                "--set", "hpo.search.bandit.configurations=4", "--set", "hpo.training.patience=0",
                "--set", "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log},"
                        + " {name=l1, values=[0, 3e-2]}]",
                "--set", "hpo.cost.mode=pareto", "--set", "hpo.cost.metrics=[nonzero_weights]",
                "--set", "hpo.cost.bounds=[{cost=epochs, max=2}]");
        assertEquals(0, run.code(), run.stderr());
        List<JsonNode> trials = journal("halving");
        assertEquals(4 + 2 + 1, trials.size());
        for (JsonNode trial : trials) {
            assertTrue(trial.get("metrics").get("val_accuracy").isNumber(), trial.toString());
            boolean over = trial.get("metrics").get("epochs").asDouble() > 2;
            assertEquals(over ? 0.0 : 1.0, trial.get("metrics").get("feasible").asDouble(), trial.toString());
        }
        assertTrue(Files.exists(output.resolve("halving/pareto.json")));
    }

    @Test
    void aResumedMultiObjectiveRunReplaysItsJournalAndRefusesAChangedObjective() throws IOException {
        String[] settings = {"--set", "hpo.data.max-train-rows=1500", "--set", "hpo.data.test=",
            "--set", "hpo.training.epochs=2", "--set", "hpo.search.parallelism=2", "--set", "hpo.cost.mode=pareto",
            "--set", "hpo.cost.metrics=[epochs, nonzero_weights]", "--set", "hpo.select=cheapest-within"};
        assertEquals(0, run("conf/local.conf", "whole", settings).code());
        Path crashed = output.resolve("crashed");
        Files.createDirectories(crashed);
        Path whole = output.resolve("whole");
        List<String> kept = Files.readAllLines(whole.resolve("trials.jsonl")).subList(0, 3);
        Files.writeString(crashed.resolve("trials.jsonl"), String.join("\n", kept) + "\n");
        Files.writeString(crashed.resolve("run.json"), Files.readString(whole.resolve("run.json"))
                .replace("\"whole\"", "\"crashed\"").replace("\"finished\"", "\"running\""));

        List<String> changed = new ArrayList<>(Arrays.asList(settings));
        changed.addAll(List.of("--set", "hpo.cost.mode=single", "--resume", "crashed"));
        Run refused = run("conf/local.conf", "crashed", changed.toArray(new String[0]));
        assertEquals(2, refused.code());
        assertTrue(refused.stderr().contains("hpo.cost"), refused.stderr());

        List<String> resume = new ArrayList<>(Arrays.asList(settings));
        resume.addAll(List.of("--resume", "crashed"));
        Run resumed = run("conf/local.conf", "crashed", resume.toArray(new String[0]));
        assertEquals(0, resumed.code(), resumed.stderr());
        List<String> journal = Files.readAllLines(crashed.resolve("trials.jsonl"));
        assertEquals(8, journal.size());
        assertEquals(kept, journal.subList(0, 3), "journaled trials are kept byte for byte");
        java.util.Map<Integer, JsonNode> wholeParams = new java.util.HashMap<>();
        journal("whole").forEach(t -> wholeParams.put(t.get("id").asInt(), t.get("params")));
        for (JsonNode trial : journal("crashed")) {
            assertEquals(wholeParams.get(trial.get("id").asInt()), trial.get("params"), "same trial, same id");
        }
        JsonNode pareto = json("crashed", "pareto.json");
        assertTrue(pareto.get("front").size() >= 1, pareto.toString());
        assertEquals(json("crashed", "best.json").get("trial_id"), pareto.get("selected_trial"));
    }
}
