package org.sparkhpo.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sparkhpo.config.SparkSettings;

/**
 * Shares one local Spark session (master {@code local[2]}, configured as the job configures it: Kryo with our
 * registrator) among the tests of a class, started before the first and stopped after the last, and injects
 * it into test methods and constructors as a {@link SparkSession} or {@link JavaSparkContext} parameter.
 *
 * <p>Why not spark-testing-base: the only build on the reachable registry
 * ({@code spark-testing-base_2.13:3.3.1_1.4.0}) is compiled against Spark 3.3.1 (it pulls spark-core 3.3.1
 * into the test classpath) and its Java base class {@code SharedJavaSparkContext} is driven by JUnit 4's
 * {@code @Before}/{@code @AfterClass}, which JUnit 5 does not call (its issue 340).
 */
public final class LocalSparkExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LocalSparkExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SparkSession session = SparkSession.builder()
                .config(SparkSessions.configure(new org.apache.spark.SparkConf(),
                        new SparkSettings("local[2]", "spark-hpo-test-" + context.getDisplayName(), "WARN",
                                SparkSettings.AUTO_PACK_SIZE)))
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        SparkSessions.quietLogs("WARN");
        context.getStore(NAMESPACE).put("session", session);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SparkSession session = context.getStore(NAMESPACE).remove("session", SparkSession.class);
        if (session != null) {
            session.stop();
        }
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SparkSession.class || type == JavaSparkContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // A method's store falls back to its class's, where beforeAll put the session.
        SparkSession session = context.getStore(NAMESPACE).get("session", SparkSession.class);
        if (parameter.getParameter().getType() == JavaSparkContext.class) {
            return JavaSparkContext.fromSparkContext(session.sparkContext());
        }
        return session;
    }
}
