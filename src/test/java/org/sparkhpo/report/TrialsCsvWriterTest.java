package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

class TrialsCsvWriterTest {
    @TempDir
    Path temp;

    @Test
    void columnsAreTheUnionInFirstSeenOrderAndMissingCellsAreEmpty() {
        TrialResult first = result(0, Map.of("lr", 0.5), Map.of("acc", 0.75));
        TrialResult second = result(1, ordered("lr", 0.25, "batch", 32), ordered("acc", Double.NaN, "loss", 1.5));

        List<String> lines = TrialsCsvWriter.toCsv(List.of(first, second)).lines().toList();

        assertEquals(List.of(
                "id,round,phase,state,seed,lr,batch,acc,loss,error",
                "0,0,random,COMPLETE,11,0.5,,0.75,,",
                "1,0,random,COMPLETE,11,0.25,32,,1.5,"), lines);
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreakAreQuoted() {
        String csv = TrialsCsvWriter.toCsv(List.of(Fixtures.failed(3)));

        assertEquals("3,0,reflect,FAILED,7,10.0,,0.25,\"loss is NaN, \"\"diverged\"\"\nat epoch 1\"\n",
                csv.substring(csv.indexOf('\n') + 1));
        assertEquals("plain", TrialsCsvWriter.quote("plain"));
        assertEquals("\"a,b\"", TrialsCsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", TrialsCsvWriter.quote("say \"hi\""));
        assertEquals("\"two\rlines\"", TrialsCsvWriter.quote("two\rlines"));
    }

    @Test
    void aMetricNamedLikeAParameterGetsAPrefix() {
        TrialResult result = result(0, ordered("epochs", 20, "seed", "x"), Map.of("epochs", 12.0));

        String header = TrialsCsvWriter.toCsv(List.of(result)).lines().findFirst().orElseThrow();

        assertEquals("id,round,phase,state,seed,epochs,param.seed,metric.epochs,error", header);
    }

    @Test
    void noTrialsGiveTheFixedHeaderOnly() {
        assertEquals("id,round,phase,state,seed,error\n", TrialsCsvWriter.toCsv(List.of()));
    }

    @Test
    void writeReplacesTrialsCsv() throws IOException {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run", new Configuration());
        TrialsCsvWriter.write(directory, List.of(Fixtures.complete(0, 0.5)));
        List<TrialResult> two = List.of(Fixtures.complete(0, 0.5), Fixtures.complete(1, 0.6));

        TrialsCsvWriter.write(directory, two);

        assertEquals(TrialsCsvWriter.toCsv(two), Files.readString(temp.resolve("run/trials.csv")));
        assertEquals(List.of("trials.csv"), Fixtures.listing(temp.resolve("run")));
    }

    private static TrialResult result(int id, Map<String, Object> params, Map<String, Double> metrics) {
        return new TrialResult(id, 0, "random", TrialState.COMPLETE,
                new org.sparkhpo.space.Configuration(params), metrics, 11L, null);
    }

    private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
