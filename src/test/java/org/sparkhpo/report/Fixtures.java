package org.sparkhpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/** Trial results and directory listings shared by the report tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** @return a COMPLETE result with a parameter of each type and three metrics */
    static TrialResult complete(int id, double accuracy) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learning-rate", 0.01 * (id + 1));
        values.put("momentum", 1.0);
        values.put("epochs", 20);
        values.put("nesterov", true);
        values.put("schedule", "cosine");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy);
        metrics.put("train_seconds", 12.5 + id);
        metrics.put("epochs", 20.0);
        return new TrialResult(id, id / 4, "random", TrialState.COMPLETE, new Configuration(values), metrics,
                -4_611_686_018_427_387_904L + id, null);
    }

    /** @return a COMPLETE result whose learning curve is {@code curve} */
    static TrialResult withCurve(int id, List<Double> curve) {
        TrialResult base = complete(id, 0.75);
        return new TrialResult(id, base.round(), base.phase(), base.state(), base.configuration(), base.metrics(),
                base.seed(), null, curve);
    }

    /** @return a result in {@code state} with the given objective */
    static TrialResult withState(int id, TrialState state, double accuracy) {
        TrialResult base = complete(id, accuracy);
        String error = state == TrialState.FAILED ? "loss diverged at epoch 2" : null;
        return new TrialResult(id, base.round(), base.phase(), state, base.configuration(), base.metrics(),
                base.seed(), error);
    }

    /** @return a FAILED result with a NaN loss and an error holding a quote, a comma and a line break */
    static TrialResult failed(int id) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", Double.NaN);
        metrics.put("train_seconds", 0.25);
        return new TrialResult(id, 0, "reflect", TrialState.FAILED,
                new Configuration(Map.of("learning-rate", 10.0)), metrics, 7L,
                "loss is NaN, \"diverged\"\nat epoch 1");
    }

    /** @return the names of the files in {@code directory}, sorted */
    static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
