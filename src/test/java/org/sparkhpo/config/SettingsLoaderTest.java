package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.space.CategoricalParameter;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private static JobSettings load(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides));
    }

    /** Loads with the overrides and asserts the message names every expected part (key, value). */
    private static void assertRejected(List<String> overrides, String... parts) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SettingsLoader.load(null, overrides));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void referenceConfAloneLoads() {
        JobSettings settings = load();
        assertEquals(42, settings.seed());
        assertEquals(LossType.SOFTMAX, settings.model().loss());
        assertEquals(Metric.ACCURACY, settings.metric());
        assertEquals(StrategyKind.GRID, settings.search().strategy());
        assertTrue(settings.dataDriven().learningRate() && settings.dataDriven().batchSize()
                && settings.dataDriven().epochs() && settings.dataDriven().l2() && settings.dataDriven().space(),
                "the defaults derive learning rate, batch size, epochs, l2 and the space from the data");
        assertEquals(3000, settings.dataDriven().steps());
        assertEquals(3, settings.stopping().patience());
        assertTrue(settings.runId().startsWith("run-"), settings.runId());
    }

    @Test
    void aNumberFixesAnAutoValueAndAnExplicitSpaceIsKept() {
        JobSettings settings = load("hpo.training.learning-rate=0.3", "hpo.training.epochs=7",
                "hpo.search.space=[{name=momentum, values=[0.5]}]");
        assertEquals(0.3, settings.fixed().learningRate());
        assertEquals(7, settings.fixed().epochs());
        assertTrue(!settings.dataDriven().learningRate() && !settings.dataDriven().epochs()
                && !settings.dataDriven().space());
        assertEquals(List.of("momentum"), settings.search().space().names());
    }

    @Test
    void aFileOverridesReferenceAndSetOverridesTheFile() throws IOException {
        String file = write("job.conf", "hpo { seed = 7, search { strategy = random, trials = 5 } }");
        JobSettings settings = SettingsLoader.load(file, List.of("hpo.search.trials=9"));
        assertEquals(7, settings.seed());
        assertEquals(StrategyKind.RANDOM, settings.search().strategy());
        assertEquals(9, settings.search().trials());
    }

    @Test
    void finishThreadsAreAutoOrAPositiveCount() {
        assertEquals(FinishSettings.AUTO_THREADS, load().finish().threads(), "auto by default");
        assertEquals(3, load("hpo.finish.threads=3").finish().threads());
        assertRejected(List.of("hpo.finish.threads=65"), "hpo.finish.threads", "65");
    }

    @Test
    void zeroTrialsAreRejected() {
        assertRejected(List.of("hpo.search.trials=0"), "hpo.search.trials", "0", "must be >= 1");
    }

    @Test
    void unknownKeysAreRejected() {
        assertRejected(List.of("hpo.foo.bar=1"), "hpo.foo.bar", "is not a known key");
    }

    @Test
    void unknownKeysInAFileAreRejected() throws IOException {
        String file = write("typo.conf", "hpo.training.learning_rate = 0.1");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SettingsLoader.load(file, List.of()));
        assertTrue(e.getMessage().contains("hpo.training.learning_rate"), e.getMessage());
    }

    @Test
    void unknownStrategyLossAndScheduleAreRejected() {
        assertRejected(List.of("hpo.search.strategy=smac"), "hpo.search.strategy", "'smac'", "[grid, random");
        assertRejected(List.of("hpo.model.loss=svm"), "hpo.model.loss", "'svm'", "least-squares");
        assertRejected(List.of("hpo.training.schedule=warp"), "hpo.training.schedule", "'warp'", "cosine");
    }

    @Test
    void logScaleNeedsAPositiveLowBound() {
        assertRejected(List.of("hpo.search.space=[{name=learning-rate, low=0, high=1, scale=log}]"),
                "hpo.search.space[0]", "learning-rate", "low (0.0)", "must be > 0 for a log scale");
    }

    @Test
    void lowAboveHighIsRejected() {
        assertRejected(List.of("hpo.search.space=[{name=l2, low=0.5, high=0.1}]"),
                "hpo.search.space[0]", "l2", "low (0.5) must be <= high (0.1)");
    }

    @Test
    void anEntryWithNoValuesIsRejected() {
        assertRejected(List.of("hpo.search.strategy=grid", "hpo.search.space=[{name=l2, values=[]}]"),
                "hpo.search.space[0]", "l2", "values is empty");
    }

    @Test
    void momentumMustBeBelowOne() {
        assertRejected(List.of("hpo.training.momentum=1.0"), "hpo.training.momentum", "1.0", "[0, 1)");
        assertRejected(List.of("hpo.search.space=[{name=momentum, low=0.5, high=1.0}]"),
                "hpo.search.space[0]", "momentum", "1.0", "[0, 1)");
    }

    @Test
    void batchSizeBelowOneIsRejected() {
        assertRejected(List.of("hpo.training.batch-size=0"), "hpo.training.batch-size", "0", "must be >= 1");
    }

    @Test
    void rmseNeedsARegressionLoss() {
        assertRejected(List.of("hpo.metric.name=rmse"), "hpo.metric.name", "'rmse'", "hpo.model.loss", "'softmax'");
    }

    @Test
    void aMissingFileIsReported() {
        String missing = dir.resolve("nope.conf").toString();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SettingsLoader.load(missing, List.of()));
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aUriValueIsKeptIntact() {
        assertEquals("hdfs://nn:8020/x.libsvm", load("hpo.data.train=hdfs://nn:8020/x.libsvm").data().train());
    }

    @Test
    void aListValueSetsTheSpace() {
        JobSettings settings = load("hpo.search.space=[{name=l2, values=[0.1,0.01]}]");
        assertEquals(1, settings.search().space().dimension());
        CategoricalParameter l2 = (CategoricalParameter) settings.search().space().parameters().get(0);
        assertEquals("l2", l2.name());
        assertEquals(List.of(0.1, 0.01), l2.values());
    }

    @Test
    void aRangeEntryBecomesALogGrid() {
        JobSettings settings = load("hpo.search.space=[{name=learning-rate, low=1e-4, high=1e-1, scale=log,"
                + " grid-points=4}]");
        assertEquals(4, settings.search().space().gridSize());
    }
}
