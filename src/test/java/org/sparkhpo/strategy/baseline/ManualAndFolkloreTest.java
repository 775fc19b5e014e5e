package org.sparkhpo.strategy.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Tunable;
import org.sparkhpo.strategy.Proposal;
import org.sparkhpo.train.HyperParameters;

/** The folklore list and the manual strategy's parsing of configuration lists and CSV files. */
class ManualAndFolkloreTest {
    @TempDir
    Path directory;

    private static final HyperParameters FIXED = new HyperParameters(0.05, 0.9, false, 128, 20, 1e-4, 0.0,
            "constant", 0.5, 5);

    @Test
    void folkloreProposesItsFiveDocumentedDefaultsInOrder() {
        FolkloreStrategy strategy = new FolkloreStrategy(100);
        List<Proposal> proposals = strategy.ask(100);
        assertEquals(5, proposals.size());
        assertTrue(strategy.isFinished());
        assertEquals(0.01, proposals.get(0).configuration().get("learning-rate"));
        assertEquals(32, proposals.get(0).configuration().get("batch-size"));
        assertEquals(0.1, proposals.get(3).configuration().get("learning-rate"));
        assertEquals(0.0, proposals.get(4).configuration().get("momentum"));
        for (Proposal proposal : proposals) {
            assertEquals("folklore", proposal.phase());
            FIXED.with(proposal.configuration());
        }
        assertEquals(2, new FolkloreStrategy(2).ask(10).size());
    }

    @Test
    void configurationListsAreCheckedAndTyped() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("learning-rate", 0.1);
        first.put("batch-size", 64);
        first.put("nesterov", true);
        List<Configuration> parsed = ManualConfigurations.fromEntries(List.of(first, Map.of("schedule", "Cosine")),
                "hpo.search.manual");
        assertEquals(Integer.valueOf(64), parsed.get(0).get("batch-size"));
        assertEquals(0.1, parsed.get(0).get("learning-rate"));
        assertEquals("cosine", parsed.get(1).get("schedule"));
        ManualStrategy strategy = new ManualStrategy(parsed, 10);
        assertEquals(parsed, strategy.ask(10).stream().map(Proposal::configuration).toList());
        assertEquals(1, new ManualStrategy(parsed, 1).total());
    }

    @Test
    void aBadEntryNamesItsIndexKeyValueAndRule() {
        InvalidInputException range = assertThrows(InvalidInputException.class, () -> ManualConfigurations
                .fromEntries(List.of(Map.of("momentum", 0.9), Map.of("momentum", 1.5)), "hpo.search.manual"));
        assertEquals("hpo.search.manual[1].momentum: 1.5 must be in [0, 1)", range.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> ManualConfigurations
                .fromEntries(List.of(Map.of("lr", 0.1)), "hpo.search.manual"));
        assertTrue(unknown.getMessage().startsWith("hpo.search.manual[0].lr: 'lr' is not a tunable"),
                unknown.getMessage());
        InvalidInputException notObject = assertThrows(InvalidInputException.class, () -> ManualConfigurations
                .fromEntries(List.of(0.1), "hpo.search.manual"));
        assertTrue(notObject.getMessage().startsWith("hpo.search.manual[0]: 0.1 must be an object"));
        InvalidInputException integer = assertThrows(InvalidInputException.class, () -> ManualConfigurations
                .fromEntries(List.of(Map.of("batch-size", 12.5)), "m"));
        assertEquals("m[0].batch-size: 12.5 must be an integer", integer.getMessage());
    }

    @Test
    void csvFilesGiveOneConfigurationPerLineAndEmptyCellsKeepTheDefault() throws IOException {
        Path file = directory.resolve("manual.csv");
        Files.writeString(file, "\uFEFFlearning-rate, momentum ,nesterov,batch-size\r\n0.1,0.9,true,32\r\n\r\n"
                + "0.01,,false,\r\n");
        List<Configuration> parsed = ManualConfigurations.fromCsv(file.toString());
        assertEquals(2, parsed.size());
        assertEquals(Map.of("learning-rate", 0.1, "momentum", 0.9, "nesterov", true, "batch-size", 32),
                parsed.get(0).values());
        assertEquals(Map.of("learning-rate", 0.01, "nesterov", false), parsed.get(1).values());
    }

    @Test
    void csvErrorsNameTheFileLineAndColumn() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "learning-rate,momentum\n0.1,0.9\n-1,0.5\n");
        InvalidInputException range = assertThrows(InvalidInputException.class,
                () -> ManualConfigurations.fromCsv(file.toString()));
        assertEquals(file + ":3: learning-rate: -1.0 must be > 0", range.getMessage());
        Files.writeString(file, "learning-rate,speed\n0.1,2\n");
        InvalidInputException header = assertThrows(InvalidInputException.class,
                () -> ManualConfigurations.fromCsv(file.toString()));
        assertTrue(header.getMessage().startsWith(file + ":1: column 'speed'"), header.getMessage());
        Files.writeString(file, "learning-rate\n0.1,0.2\n");
        InvalidInputException cells = assertThrows(InvalidInputException.class,
                () -> ManualConfigurations.fromCsv(file.toString()));
        assertEquals(file + ":2: 2 cells but the header names 1 tunables", cells.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ManualConfigurations.fromCsv(directory.resolve("none.csv").toString()));
        assertTrue(missing.getMessage().contains("none.csv: cannot read"), missing.getMessage());
        Files.writeString(file, "schedule\nwarp\n");
        InvalidInputException name = assertThrows(InvalidInputException.class,
                () -> ManualConfigurations.fromCsv(file.toString()));
        assertTrue(name.getMessage().startsWith(file + ":2: schedule: 'warp' must be one of"), name.getMessage());
        assertTrue(Tunable.byKey("schedule").isPresent());
    }
}
