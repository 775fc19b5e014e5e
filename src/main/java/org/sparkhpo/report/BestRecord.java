package org.sparkhpo.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sparkhpo.space.Configuration;

/**
 * What {@code best.json} says about the best trial of a run. Immutable; maps keep their insertion order.
 *
 * @param runId the run id
 * @param trialId the id of the best trial
 * @param params its configuration
 * @param validation its metrics on the validation data, the objective first
 * @param test the metrics of the final model on the test data; empty when no test data was given
 * @param extra further figures written at the top level of {@code best.json} (for example theory estimates);
 *     may be empty; values are numbers, strings, booleans, lists or maps; keys must differ from the fields above
 */
public record BestRecord(
        String runId,
        int trialId,
        Configuration params,
        Map<String, Double> validation,
        Map<String, Double> test,
        Map<String, Object> extra) {

    /** The top-level field names of {@code best.json} that {@code extra} may not reuse. */
    static final Set<String> FIELDS = Set.of("run_id", "trial_id", "params", "validation", "test");

    public BestRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(params, "params");
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(validation, "validation")));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(test, "test")));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
        for (String key : extra.keySet()) {
            if (FIELDS.contains(key)) {
                throw new IllegalArgumentException("best record: extra key '" + key + "' must differ from " + FIELDS);
            }
        }
    }
}
