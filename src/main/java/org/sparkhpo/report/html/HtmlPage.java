package org.sparkhpo.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML page: the template {@code page.html} with the ECharts library, the shared
 * {@code common.js}, the page's own script and its data inlined, so it opens from a file with no network.
 *
 * <p>ECharts is read from its webjar on the classpath ({@value #ECHARTS}, Apache-2.0; shaded into the job's jar)
 * once per JVM. The data is embedded as JSON in a {@code <script type="application/json">} element; every
 * {@code </} in it is written as {@code <\/} (the same string in JSON), so no value can close the element.
 */
public final class HtmlPage {
    /** Where the webjar keeps the minified library. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static volatile String echarts;

    private HtmlPage() {
    }

    /**
     * @param title the page title
     * @param script the page's script, a resource name beside this class ({@code report.js}, {@code compare.js})
     * @param data the data the script draws
     * @return the page
     */
    public static String render(String title, String script, ObjectNode data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON", e);
        }
        String template = resource(HtmlPage.class.getResourceAsStream("page.html"), "page.html");
        String pageScript = resource(HtmlPage.class.getResourceAsStream("common.js"), "common.js")
                + "\n" + resource(HtmlPage.class.getResourceAsStream(script), script);
        return replaceOnce(replaceOnce(replaceOnce(replaceOnce(template, "@TITLE@", escape(title)),
                "/*@ECHARTS@*/", echarts()), "/*@PAGE_JS@*/", pageScript), "@DATA@", json);
    }

    /** @return the ECharts library's source, read once */
    static String echarts() {
        String source = echarts;
        if (source == null) {
            source = resource(HtmlPage.class.getClassLoader().getResourceAsStream(ECHARTS), ECHARTS);
            echarts = source;
        }
        return source;
    }

    private static String replaceOnce(String text, String token, String value) {
        int at = text.indexOf(token);
        if (at < 0) {
            throw new IllegalStateException("page template: no " + token);
        }
        return text.substring(0, at) + value + text.substring(at + token.length());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is not on the classpath (is the echarts webjar"
                    + " in the jar?)");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
