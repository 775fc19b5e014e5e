package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every new strategy end to end through {@link HpoJob#run} (Spark local mode) on the embedded Fashion-MNIST
 * subset, reduced to 2,000 training rows and 2 epochs (nodes[0] is best.json, nodes[1 + id] trial id): each run exits 0, journals the phases its strategy
 * proposes, and writes best.json; the theory run records L, mu and kappa there; a known function runs through
 * the same loop and stops at its target.
 */
class StrategiesEndToEndTest {
    @TempDir
    static Path output;

    private static final String RANGES = "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log},"
            + " {name=momentum, low=0.0, high=0.9}]";

    private static JsonNode[] run(String runId, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of("conf/local.conf",
                "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000",
                "--set", "hpo.training.epochs=2",
                "--set", "hpo.training.patience=0",
                "--set", "hpo.finish.save-model=false",
                "--set", "hpo.output.dir=" + output,
                "--set", "hpo.run-id=" + runId));
        for (String setting : settings) {
            args.add("--set");
            args.add(setting);
        }
        assertEquals(0, HpoJob.run(args.toArray(new String[0])), runId);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(output.resolve(runId).resolve("trials.jsonl"));
        JsonNode[] nodes = new JsonNode[lines.size() + 1];
        nodes[0] = mapper.readTree(output.resolve(runId).resolve("best.json").toFile());
        for (String line : lines) {
            JsonNode trial = mapper.readTree(line);
            nodes[trial.get("id").asInt() + 1] = trial;
        }
        return nodes;
    }

    private static Set<String> phases(JsonNode[] nodes) {
        Set<String> phases = new HashSet<>();
        for (int i = 1; i < nodes.length; i++) {
            phases.add(nodes[i].get("phase").asText());
        }
        return phases;
    }

    @Test
    void derivativeFreeStrategiesRunInRoundsAndJournalTheirPhases() throws IOException {
        JsonNode[] nelderMead = run("nm", "hpo.search.strategy=nelder-mead", "hpo.search.trials=7",
                "hpo.search.parallelism=2", RANGES);
        assertEquals(8, nelderMead.length);
        assertTrue(phases(nelderMead).containsAll(List.of("initial", "reflect")), phases(nelderMead).toString());
        JsonNode[] pattern = run("ps", "hpo.search.strategy=pattern-search", "hpo.search.trials=5",
                "hpo.search.parallelism=4", "hpo.search.dfo.start=training", RANGES);
        assertEquals(Set.of("start", "poll"), phases(pattern));
        JsonNode[] cma = run("cma", "hpo.search.strategy=cma-es", "hpo.search.trials=6",
                "hpo.search.parallelism=3", "hpo.search.dfo.initial-points=2", RANGES);
        assertEquals(Set.of("design", "sample"), phases(cma));
        assertEquals(7, cma.length);
        assertTrue(cma[0].get("dfo_evaluations").asInt() == 6, cma[0].toString());
    }

    @Test
    void baselinesRunTheirListsAndTheoryRecordsItsEstimates() throws IOException {
        JsonNode[] folklore = run("folklore", "hpo.search.strategy=folklore", "hpo.search.parallelism=5");
        assertEquals(6, folklore.length);
        assertEquals(Set.of("folklore"), phases(folklore));
        JsonNode[] manual = run("manual", "hpo.search.strategy=manual", "hpo.search.manual-file=conf/manual.csv",
                "hpo.search.manual=[{learning-rate=0.01, momentum=0.9}]");
        assertEquals(4, manual.length);
        assertEquals(0.01, manual[1].get("params").get("learning-rate").asDouble());
        JsonNode[] theory = run("theory", "hpo.search.strategy=theory", "hpo.training.l2=1e-3");
        assertEquals(Set.of("heavy-ball", "nesterov"), phases(theory));
        JsonNode best = theory[0];
        double smoothness = best.get("theory_L").asDouble();
        assertTrue(smoothness > 0.001, best.toString());
        assertEquals(0.001, best.get("theory_mu").asDouble(), 1e-12);
        assertEquals(smoothness / 0.001, best.get("theory_kappa").asDouble(), 1e-6 * smoothness / 0.001);
    }

    @Test
    void aKnownFunctionRunsThroughTheSameLoopAndStopsAtItsTarget() throws IOException {
        JsonNode[] branin = run("branin", "hpo.objective=branin", "hpo.search.strategy=cma-es",
                "hpo.search.trials=400", "hpo.search.parallelism=8", "hpo.search.target=0.4",
                "hpo.search.space=[{name=l2, low=0, high=1}, {name=l1, low=0, high=1}]");
        JsonNode best = branin[0];
        double value = best.get("validation").get("val_function_value").asDouble();
        assertTrue(value <= 0.4 && value >= 0.397887, best.toString());
        assertEquals("branin", best.get("objective").asText());
        assertTrue(branin.length - 1 < 400, "stopped at the target after " + (branin.length - 1) + " trials");
        assertEquals(0, (branin.length - 1) % 8, "whole rounds");
    }
}
