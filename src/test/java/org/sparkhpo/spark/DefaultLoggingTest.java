package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without a log4j2 configuration the job installs its own (Spark at WARN, the job at INFO), so Spark does not
 * install its INFO default profile; a configuration the user gave is left as it is.
 */
class DefaultLoggingTest {
    private Configuration before;

    @BeforeEach
    void remember() {
        before = context().getConfiguration();
    }

    @AfterEach
    void restore() {
        Configurator.reconfigure(before);
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    @Test
    void anUnconfiguredJvmGetsTheJobsLevels() {
        Configurator.reconfigure(new DefaultConfiguration());
        DefaultLogging.installIfUnconfigured();
        assertEquals("spark-hpo-default", context().getConfiguration().getName());
        assertEquals(Level.WARN, LogManager.getLogger("org.apache.spark.SparkContext").getLevel());
        assertEquals(Level.INFO, LogManager.getLogger("org.sparkhpo.app.TuningRun").getLevel());
    }

    @Test
    void aUsersConfigurationIsLeftAlone() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("users");
        builder.add(builder.newAppender("out", "Console"));
        builder.add(builder.newRootLogger(Level.DEBUG).add(builder.newAppenderRef("out")));
        Configurator.reconfigure(builder.build());
        DefaultLogging.installIfUnconfigured();
        assertEquals("users", context().getConfiguration().getName());
        assertEquals(Level.DEBUG, LogManager.getLogger("org.apache.spark.SparkContext").getLevel());
    }
}
