package org.sparkhpo.report.html;

import org.sparkhpo.report.RunDirectory;

/**
 * Writes {@code report.html} into a run directory through {@link RunDirectory#writeAtomically} (temporary name,
 * then rename), so a reader reloading the page during a run sees the previous or the new page, never half of
 * one. The run calls it after every round and once at the end.
 */
public final class ReportWriter {
    /** The report's file name in the run directory. */
    public static final String FILE_NAME = "report.html";

    private ReportWriter() {
    }

    /** @return the page of {@code input} */
    public static String page(ReportInput input) {
        return HtmlPage.render("spark-hpo run " + input.runId(), "report.js", ReportModel.of(input));
    }

    /**
     * @param directory the run directory
     * @param input what the report shows
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static void write(RunDirectory directory, ReportInput input) {
        directory.writeAtomically(FILE_NAME, page(input));
    }
}
