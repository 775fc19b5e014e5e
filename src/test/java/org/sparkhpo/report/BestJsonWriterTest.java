package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestJsonWriterTest {
    @TempDir
    Path temp;

    @Test
    void writesTheContractFieldsThenTheExtraEntries() throws Exception {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run-7", new Configuration());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("theory_bound", 0.12);
        extra.put("estimate_note", "Hoeffding, 95%");
        BestRecord best = new BestRecord("run-7", 3, Fixtures.complete(3, 0.84).configuration(),
                Map.of("accuracy", 0.84), Map.of("accuracy", 0.83), extra);

        BestJsonWriter.write(directory, best);

        String text = Files.readString(temp.resolve("run-7/best.json"));
        JsonNode json = TrialJson.MAPPER.readTree(text);
        assertEquals(List.of("run_id", "trial_id", "params", "validation", "test", "theory_bound", "estimate_note"),
                fieldNames(json));
        assertEquals("run-7", json.get("run_id").textValue());
        assertEquals(3, json.get("trial_id").intValue());
        assertEquals(20, json.get("params").get("epochs").intValue());
        assertTrue(json.get("params").get("epochs").isInt());
        assertTrue(json.get("params").get("momentum").isDouble());
        assertEquals(0.84, json.get("validation").get("accuracy").doubleValue());
        assertEquals(0.83, json.get("test").get("accuracy").doubleValue());
        assertEquals(0.12, json.get("theory_bound").doubleValue());
        assertTrue(text.contains("\n  \"trial_id\""), "pretty-printed: " + text);
        assertEquals(List.of("best.json"), Fixtures.listing(temp.resolve("run-7")));
    }

    @Test
    void testIsNullWithoutTestDataAndNaNIsNull() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("bound", Double.NaN);
        BestRecord best = new BestRecord("r", 0, org.sparkhpo.space.Configuration.empty(),
                Map.of("loss", Double.NaN), Map.of(), extra);

        JsonNode json = TrialJson.MAPPER.readTree(BestJsonWriter.toJson(best));

        assertTrue(json.get("test").isNull());
        assertTrue(json.get("validation").get("loss").isNull());
        assertTrue(json.get("bound").isNull());
        assertEquals(0, json.get("params").size());
    }

    @Test
    void extraMayNotReuseAFieldName() {
        assertThrows(IllegalArgumentException.class, () -> new BestRecord("r", 0,
                org.sparkhpo.space.Configuration.empty(), Map.of(), Map.of(), Map.of("test", 1)));
    }

    private static List<String> fieldNames(JsonNode json) {
        return json.properties().stream().map(Map.Entry::getKey).toList();
    }
}
