package org.sparkhpo.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Seeded synthetic trials for the report's tests and for the 1,000-trial page of BENCHMARKS.md: a log-scale
 * learning rate and L2, a linear momentum and a categorical schedule; accuracy peaks at a learning rate of 0.03;
 * every seventh trial is PRUNED after a few epochs, every eleventh FAILED with no objective.
 *
 * <p>{@code main(count, file)} writes the report page of {@code count} trials to {@code file}.
 */
public final class SyntheticTrials {
    private SyntheticTrials() {
    }

    /** @return {@code count} trials, the same for the same count */
    public static List<TrialResult> of(int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<TrialResult> trials = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            double learningRate = Math.pow(10, -4 + 3.5 * random.nextDouble());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("learning-rate", learningRate);
            values.put("l2", Math.pow(10, -6 + 4 * random.nextDouble()));
            values.put("momentum", 0.5 + 0.49 * random.nextDouble());
            values.put("schedule", random.nextBoolean() ? "constant" : "cosine");
            double peak = 0.85 - 0.04 * Math.pow(Math.log10(learningRate / 0.03), 2) + 0.01 * random.nextDouble();
            TrialState state = id % 11 == 10 ? TrialState.FAILED : id % 7 == 6 ? TrialState.PRUNED : TrialState.COMPLETE;
            int epochs = state == TrialState.COMPLETE ? 15 : 1 + id % 4;
            List<Double> curve = new ArrayList<>();
            for (int e = 1; e <= epochs; e++) {
                curve.add(peak * (1 - Math.exp(-e / 3.0)));
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("val_accuracy", state == TrialState.FAILED ? Double.NaN : curve.get(curve.size() - 1));
            metrics.put("epochs", (double) epochs);
            trials.add(new TrialResult(id, id / 8, "random", state, new Configuration(values), metrics, id,
                    state == TrialState.FAILED ? "epoch 2: training loss is NaN at mini-batch 3" : null, curve));
        }
        return trials;
    }

    /** @return the report input of {@code trials}: finish times one second apart, axes inferred */
    public static ReportInput input(List<TrialResult> trials) {
        Map<Integer, Double> finished = new LinkedHashMap<>();
        trials.forEach(t -> finished.put(t.id(), 0.5 + t.id()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", "7");
        settings.put("hpo.search.space", "synthetic <space> & \"quotes\" </script>");
        return new ReportInput("synthetic", "random", "finished",
                List.of(new ObjectiveAxis("val_accuracy", true)), trials, finished,
                ParameterAxis.of(null, trials), settings, null);
    }

    /** @param args the number of trials and the file to write the page to */
    public static void main(String[] args) throws IOException {
        ReportInput input = input(of(Integer.parseInt(args[0])));
        ReportWriter.page(input);
        long start = System.nanoTime();
        String page = ReportWriter.page(input);
        System.err.printf(java.util.Locale.ROOT, "page of %s trials built in %.1f ms (second build, warm JVM)%n",
                args[0], (System.nanoTime() - start) / 1e6);
        Files.writeString(Path.of(args[1]), page, StandardCharsets.UTF_8);
    }
}
