package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.sparkhpo.report.RunDirectory;
import org.sparkhpo.report.html.ComparedRun;
import org.sparkhpo.report.html.ComparisonPage;

/**
 * {@code --compare RUN_DIR...}: reads each run directory (only reads: a run may still be going on) and writes
 * {@link ComparisonPage#FILE_NAME} into {@code hpo.output.dir}, atomically. No Spark job runs. A run directory
 * directly under {@code hpo.output.dir} is linked as {@code <run-id>/report.html}, any other by its full URI.
 */
final class CompareRuns {
    private CompareRuns() {
    }

    /**
     * @param outputDir {@code hpo.output.dir}
     * @param runDirectories the runs, in the order the page lists them
     * @return where the page was written
     * @throws org.sparkhpo.config.InvalidInputException when a run directory cannot be read or its journal is
     *     malformed
     */
    static String write(String outputDir, List<String> runDirectories) {
        Configuration conf = new Configuration();
        RunDirectory root = RunDirectory.outputRoot(outputDir, conf);
        List<ComparedRun> runs = new ArrayList<>();
        for (String path : runDirectories) {
            RunDirectory run = RunDirectory.forReading(path, conf);
            boolean underRoot = root.path().equals(run.path().getParent());
            String link = (underRoot ? run.path().getName() : run.path().toString()) + "/report.html";
            runs.add(ComparedRun.read(run, link));
        }
        root.writeAtomically(ComparisonPage.FILE_NAME, ComparisonPage.page(runs));
        return root.resolve(ComparisonPage.FILE_NAME).toString();
    }
}
