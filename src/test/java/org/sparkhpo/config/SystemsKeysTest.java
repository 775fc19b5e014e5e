package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.config.SettingsRejections.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The systems hyperparameters {@code threads} and {@code precision}: defaults, rules and refusals (exit 2). */
class SystemsKeysTest {
    @Test
    void threadsDefaultsToOneAndIsRead() {
        assertEquals(1, SettingsLoader.load(null, List.of()).fixed().threads());
        assertEquals(2, SettingsLoader.load(null, List.of("hpo.training.threads=2")).fixed().threads());
    }

    @Test
    void badThreadsAreRefusedNamingTheKey() {
        assertRejected(List.of("hpo.training.threads=0"), "hpo.training.threads", "0", ">= 1");
        assertRejected(List.of("hpo.training.threads=65"), "hpo.training.threads", "65", "[1, 64]");
        assertRejected(List.of("hpo.search.space=[{name=threads, values=[1, 0]}]"), "threads", "0");
    }

    @Test
    void idleCoresAreLentByDefaultAndCanBeLeft() {
        assertEquals(true, SettingsLoader.load(null, List.of()).spark().lendIdleCores());
        assertEquals(false, SettingsLoader.load(null, List.of("hpo.spark.idle-cores=leave")).spark().lendIdleCores());
        assertRejected(List.of("hpo.spark.idle-cores=borrow"), "hpo.spark.idle-cores", "borrow", "lend", "leave");
    }

    @Test
    void tunablePrecisionNeedsDoubleStorage() {
        assertRejected(List.of("hpo.search.space=[{name=precision, values=[float, double]}]"),
                "hpo.search.space", "'precision'", "hpo.data.precision", "'float'");
        assertRejected(List.of("hpo.search.space=[{name=precision, values=[float, half]}]",
                "hpo.data.precision=double"), "precision", "'half'", "[float, double]");
        JobSettings settings = SettingsLoader.load(null, List.of(
                "hpo.search.space=[{name=precision, values=[float, double]}]", "hpo.data.precision=double"));
        assertEquals(2, settings.search().space().parameters().get(0).gridValues().size());
    }
}
