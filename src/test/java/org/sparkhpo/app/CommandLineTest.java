package org.sparkhpo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.common.InvalidInputException;

class CommandLineTest {
    @Test
    void compareTakesEveryRunDirectoryUpToTheNextOption() {
        CommandLine line = CommandLine.parse(new String[] {"conf/local.conf", "--compare", "runs/a", "runs/b",
            "--set", "hpo.output.dir=runs"});

        assertEquals(List.of("runs/a", "runs/b"), line.compare());
        assertEquals("conf/local.conf", line.configFile());
        assertEquals(List.of("hpo.output.dir=runs"), line.overrides());
    }

    @Test
    void compareWithoutDirectoriesOrWithNightlyIsRefused() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> CommandLine.parse(new String[] {"--compare"}));
        InvalidInputException nightly = assertThrows(InvalidInputException.class,
                () -> CommandLine.parse(new String[] {"--nightly", "--compare", "runs/a"}));

        assertTrue(missing.getMessage().contains("missing run directories"), missing.getMessage());
        assertTrue(nightly.getMessage().contains("not with --resume or --nightly"), nightly.getMessage());
    }

    @Test
    void helpNamesCompare() {
        assertTrue(CommandLine.USAGE.contains("--compare RUN_DIR..."));
    }
}
