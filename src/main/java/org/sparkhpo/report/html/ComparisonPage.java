package org.sparkhpo.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The page {@code --compare RUN_DIR...} writes: one row per run (strategy, status, trials by state, best
 * objective, search wall time, a link to its report) and the runs' best-so-far histories on one chart, by trial
 * and by wall time. Data shape: {@code {"runs":[ComparedRun...]}}, each with {@code history} as
 * {@code [trial index, best so far, finished seconds]} triples.
 */
public final class ComparisonPage {
    /** The page's file name in {@code hpo.output.dir}. */
    public static final String FILE_NAME = "comparison.html";

    private ComparisonPage() {
    }

    /** @return the comparison page of {@code runs}, in the order given */
    public static String page(List<ComparedRun> runs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode array = data.putArray("runs");
        runs.forEach(run -> array.add(run.toJson()));
        return HtmlPage.render("spark-hpo: comparison of " + runs.size() + " runs", "compare.js", data);
    }
}
