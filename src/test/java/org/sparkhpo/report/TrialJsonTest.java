package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class TrialJsonTest {
    private static final String VALID = "{\"id\":3,\"round\":1,\"phase\":\"grid\",\"state\":\"COMPLETE\","
            + "\"params\":{\"epochs\":20,\"momentum\":1.0,\"l2\":1.0E-4},\"metrics\":{\"accuracy\":0.5},"
            + "\"seed\":9,\"error\":null}";

    @Test
    void encodesFieldsInTheContractOrderOnOneLine() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("momentum", 1.0);
        values.put("epochs", 20);
        values.put("nesterov", false);
        values.put("schedule", "step");
        TrialResult result = new TrialResult(3, 1, "grid", TrialState.PRUNED, new Configuration(values),
                Map.of("accuracy", 0.5), -9L, null);

        assertEquals("{\"id\":3,\"round\":1,\"phase\":\"grid\",\"state\":\"PRUNED\",\"params\":{\"momentum\":1.0,"
                + "\"epochs\":20,\"nesterov\":false,\"schedule\":\"step\"},\"metrics\":{\"accuracy\":0.5},"
                + "\"seed\":-9,\"error\":null,\"curve\":[]}", TrialJson.encode(result));
    }

    @Test
    void curveAndFinishTimeRoundTripAndOldLinesWithoutThemLoad() {
        TrialResult result = Fixtures.withCurve(4, List.of(0.25, 0.5));

        TrialJson.Entry back = TrialJson.decodeEntry(TrialJson.encode(result, 1.5), "trials.jsonl", 1);
        TrialJson.Entry old = TrialJson.decodeEntry(VALID, "trials.jsonl", 1);

        assertEquals(result, back.result());
        assertEquals(1.5, back.finishedSeconds());
        assertEquals(List.of(), old.result().curve());
        assertTrue(Double.isNaN(old.finishedSeconds()));
    }

    @Test
    void curveOfTextIsRejectedWithFileAndLine() {
        String line = VALID.replace("\"error\":null}", "\"error\":null,\"curve\":[\"high\"]}");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrialJson.decode(line, "trials.jsonl", 7));

        assertTrue(e.getMessage().startsWith("trials.jsonl:7: not a trial record: curve"), e.getMessage());
    }

    @Test
    void completeResultRoundTripsWithParameterTypes() {
        TrialResult result = Fixtures.complete(5, 0.8437);

        TrialResult back = TrialJson.decode(TrialJson.encode(result), "trials.jsonl", 1);

        assertEquals(result, back);
        assertEquals(List.copyOf(result.configuration().values().keySet()),
                List.copyOf(back.configuration().values().keySet()));
        assertInstanceOf(Double.class, back.configuration().get("momentum"));
        assertEquals(1.0, back.configuration().get("momentum"));
        assertInstanceOf(Integer.class, back.configuration().get("epochs"));
        assertInstanceOf(Boolean.class, back.configuration().get("nesterov"));
        assertInstanceOf(String.class, back.configuration().get("schedule"));
    }

    @Test
    void failedResultRoundTripsWithNaNAsNull() {
        TrialResult result = Fixtures.failed(2);

        String line = TrialJson.encode(result);
        TrialResult back = TrialJson.decode(line, "trials.jsonl", 1);

        assertTrue(line.contains("\"accuracy\":null"), line);
        assertFalse(line.contains("\n"), line);
        assertEquals(result, back);
        assertTrue(Double.isNaN(back.metric("accuracy")));
        assertEquals(result.error(), back.error());
    }

    @Test
    void infiniteMetricIsWrittenAsNullAndReadAsNaN() {
        TrialResult result = new TrialResult(0, 0, "random", TrialState.FAILED, Configuration.empty(),
                Map.of("loss", Double.POSITIVE_INFINITY), 1L, "diverged");

        TrialResult back = TrialJson.decode(TrialJson.encode(result), "trials.jsonl", 1);

        assertTrue(Double.isNaN(back.metric("loss")));
    }

    @Test
    void extremeDoublesKeepTheirTypeAndValue() {
        Configuration configuration = new Configuration(Map.of("a", 1e-300, "b", 1e21, "c", -0.0));
        TrialResult result = new TrialResult(0, 0, "random", TrialState.COMPLETE, configuration, Map.of(), 1L,
                null);

        TrialResult back = TrialJson.decode(TrialJson.encode(result), "f", 1);

        assertEquals(configuration, back.configuration());
    }

    @Test
    void integralTextIsIntegerAndDecimalTextIsDouble() {
        TrialResult result = TrialJson.decode(VALID, "trials.jsonl", 1);

        assertEquals(20, result.configuration().get("epochs"));
        assertEquals(1.0, result.configuration().get("momentum"));
        assertEquals(1.0E-4, result.configuration().get("l2"));
    }

    @Test
    void nonFiniteParameterIsRejectedOnEncode() {
        TrialResult result = new TrialResult(4, 0, "random", TrialState.COMPLETE,
                new Configuration(Map.of("l2", Double.NaN)), Map.of(), 1L, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrialJson.encode(result));

        assertTrue(e.getMessage().contains("trial 4: parameter 'l2'"), e.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertMalformed("not json", "");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed(VALID.replace(",\"seed\":9", ""), "missing field 'seed'");
        assertMalformed(VALID.replace("COMPLETE", "DONE"), "state: 'DONE'");
        assertMalformed(VALID.replace("\"id\":3", "\"id\":3.5"), "id: 3.5 must be an int");
        assertMalformed(VALID.replace("\"error\":null", "\"error\":\"boom\""), "exactly when FAILED");
        assertMalformed(VALID.replace("\"accuracy\":0.5", "\"accuracy\":\"high\""), "metrics.accuracy");
        assertMalformed(VALID.replace("\"epochs\":20", "\"epochs\":[20]"), "params.epochs");
        assertMalformed(VALID + " {}", "");
        assertMalformed(VALID.replace("\"round\":1", "\"round\":1,\"id\":4"), "");
    }

    private static void assertMalformed(String line, String reason) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrialJson.decode(line, "out/trials.jsonl", 17), line);
        assertTrue(e.getMessage().startsWith("out/trials.jsonl:17: not a trial record: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
