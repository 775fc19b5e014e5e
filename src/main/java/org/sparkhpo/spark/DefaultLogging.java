package org.sparkhpo.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * The job's logging when the JVM was given no log4j2 configuration (a run from an IDE, a test, a custom launcher):
 * the same as {@code conf/log4j2.properties}, which {@code scripts/run-local.sh} and {@code scripts/submit.sh}
 * pass: Spark and its libraries at WARN, the job's progress lines at INFO, on standard error. Without it Spark
 * installs its own default profile on start-up, which prints its INFO lines (a screenful before a bad-input
 * error's one line). A configuration given by the user or by spark-submit is left alone.
 */
final class DefaultLogging {
    private DefaultLogging() {
    }

    /** Installs the job's configuration when log4j2 still runs its built-in default. */
    static synchronized void installIfUnconfigured() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Logger root = context.getRootLogger();
        boolean unconfigured = context.getConfiguration() instanceof DefaultConfiguration
                && root.getAppenders().size() <= 1;
        if (!unconfigured) {
            return;
        }
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("spark-hpo-default");
        // follow: write to System.err as it is now, also after System.setErr (tests capture it per run).
        builder.add(builder.newAppender("console", "Console")
                .addAttribute("target", "SYSTEM_ERR")
                .addAttribute("follow", true)
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %-5p %c{1}: %m%n")));
        builder.add(builder.newRootLogger(Level.WARN).add(builder.newAppenderRef("console")));
        builder.add(builder.newLogger("org.sparkhpo", Level.INFO));
        builder.add(builder.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR));
        Configurator.reconfigure(builder.build());
    }
}
