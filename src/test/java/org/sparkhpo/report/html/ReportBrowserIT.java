package org.sparkhpo.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.app.HpoJob;
import org.sparkhpo.it.HeadlessChromium;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * report.html in a real browser: real small runs of the job (a grid and successive halving on the embedded
 * Fashion-MNIST subset, in Spark local mode) and pages of bad data are opened in headless Chromium; every chart
 * must set its rendered flag with no script error, and the screenshot must not be blank.
 */
class ReportBrowserIT {
    @TempDir
    static Path temp;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void runJobs() {
        System.setProperty("java.awt.headless", "true");
        chromium = new HeadlessChromium(temp);
        List<String> common = List.of("conf/local.conf", "--set", "hpo.spark.master=local[2]",
                "--set", "hpo.data.max-train-rows=2000", "--set", "hpo.output.dir=" + temp.resolve("runs"),
                "--set", "hpo.finish.save-model=false");
        assertEquals(0, HpoJob.run(args(common, "--set", "hpo.run-id=grid", "--set", "hpo.training.epochs=4")));
        assertEquals(0, HpoJob.run(args(common, "--set", "hpo.run-id=halving",
                "--set", "hpo.search.strategy=successive-halving", "--set", "hpo.search.bandit.max-epochs=4",
                "--set", "hpo.search.bandit.reduction-factor=2", "--set", "hpo.search.bandit.configurations=4",
                "--set", "hpo.search.space=[{name=learning-rate, low=1e-3, high=0.3, scale=log},"
                        + " {name=momentum, values=[0.5, 0.9]}]")));
    }

    private static String[] args(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void theGridRunsReportDrawsEveryChart() throws Exception {
        String dom = assertDrawn(temp.resolve("runs/grid/report.html"));
        assertTrue(dom.contains("id=\"chart-parallel\""), "parallel coordinates");
        assertTrue(dom.contains("id=\"chart-curves\""), "learning curves");
        assertTrue(dom.contains("id=\"chart-slice-2\""), "one slice per parameter (three parameters)");
    }

    @Test
    void theSuccessiveHalvingReportDrawsItsRungs() throws Exception {
        String dom = assertDrawn(temp.resolve("runs/halving/report.html"));
        assertTrue(dom.contains("id=\"chart-rungs\""), "rungs chart of a bandit run");
    }

    @Test
    void theComparisonPageOfBothRunsDrawsAndLinksTheirReports() throws Exception {
        Path runs = temp.resolve("runs");
        assertEquals(0, HpoJob.run(new String[] {"--set", "hpo.output.dir=" + runs, "--compare",
            runs.resolve("grid").toString(), runs.resolve("halving").toString()}));

        String dom = assertDrawn(runs.resolve(ComparisonPage.FILE_NAME), 2);
        assertTrue(dom.contains("href=\"grid/report.html\"") && dom.contains("href=\"halving/report.html\""), dom);
        assertTrue(dom.contains("successive-halving"));
    }

    @Test
    void nanMetricsDraw() throws Exception {
        assertDrawn(page("nan", List.of(trial(0, TrialState.COMPLETE, Double.NaN, 0.1),
                trial(1, TrialState.COMPLETE, 0.5, 0.2), trial(2, TrialState.PRUNED, Double.NaN, 0.3))));
    }

    @Test
    void failedTrialsWithoutMetricsDraw() throws Exception {
        TrialResult failed = new TrialResult(0, 0, "grid", TrialState.FAILED,
                new Configuration(Map.of("learning-rate", 9.0)), Map.of(), 0, "epoch 1: loss is NaN </script>");
        String dom = assertDrawn(page("failed", List.of(failed)));
        assertTrue(dom.contains("epoch 1: loss is NaN &lt;/script&gt;"), "the error is shown as text");
    }

    @Test
    void aSingleTrialDraws() throws Exception {
        assertDrawn(page("single", List.of(trial(0, TrialState.COMPLETE, 0.8, 0.1))));
    }

    @Test
    void aParameterOfOneValueDraws() throws Exception {
        assertDrawn(page("one-value", List.of(trial(0, TrialState.COMPLETE, 0.8, 0.1),
                trial(1, TrialState.COMPLETE, 0.7, 0.1), trial(2, TrialState.COMPLETE, 0.6, 0.1))));
    }

    @Test
    void aParetoFrontDrawsForTwoObjectives() throws Exception {
        List<TrialResult> trials = SyntheticTrials.of(40);
        ReportInput single = SyntheticTrials.input(trials);
        ReportInput two = new ReportInput("pareto", "random", "finished", List.of(single.objective(),
                new ObjectiveAxis("epochs", false)), trials, single.finishedSeconds(), single.axes(), Map.of(), null);
        Path file = temp.resolve("pareto.html");
        Files.writeString(file, ReportWriter.page(two));
        String dom = assertDrawn(file);
        assertTrue(dom.contains("id=\"chart-pareto\""));
    }

    private static TrialResult trial(int id, TrialState state, double objective, double learningRate) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_accuracy", objective);
        return new TrialResult(id, 0, "grid", state, new Configuration(Map.of("learning-rate", learningRate,
                "schedule", "constant")), metrics, id, null, List.of(objective));
    }

    private static Path page(String name, List<TrialResult> trials) throws IOException {
        ReportInput input = new ReportInput(name, "grid", "finished",
                List.of(new ObjectiveAxis("val_accuracy", true)), trials, Map.of(), ParameterAxis.of(null, trials),
                Map.of("hpo.seed", "1"), null);
        Path file = temp.resolve(name + ".html");
        Files.writeString(file, ReportWriter.page(input));
        return file;
    }

    private static String assertDrawn(Path page) throws Exception {
        return assertDrawn(page, 6);
    }

    /** Opens the page, checks the flags and the screenshot, and returns the DOM. */
    private static String assertDrawn(Path page, int leastCharts) throws Exception {
        String dom = chromium.dumpDom(page);
        assertNull(HeadlessChromium.rootAttribute(dom, "data-script-errors"), page + ": script errors");
        String expected = HeadlessChromium.rootAttribute(dom, "data-charts-expected");
        assertTrue(Integer.parseInt(expected) >= leastCharts, page + ": " + expected + " charts");
        assertEquals(expected, HeadlessChromium.rootAttribute(dom, "data-charts-rendered"), page.toString());
        assertEquals("true", HeadlessChromium.rootAttribute(dom, "data-rendered"), page.toString());
        Matcher charts = Pattern.compile("<div id=\"([^\"]+)\" data-chart=\"[^\"]+\"([^>]*)>").matcher(dom);
        int seen = 0;
        while (charts.find()) {
            assertTrue(charts.group(2).contains("data-rendered=\"true\""), page + ": " + charts.group(1));
            seen++;
        }
        assertEquals(Integer.parseInt(expected), seen, page + ": every chart box carries its flag");
        BufferedImage shot = chromium.screenshot(page, temp.resolve(page.getFileName() + ".png"), 1200, 1600);
        double variance = HeadlessChromium.luminanceVariance(shot);
        assertTrue(variance > 100, page + ": the screenshot is blank (luminance variance " + variance + ")");
        return dom;
    }
}
