package org.sparkhpo.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.NightlySettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.report.LockHeldException;
import org.sparkhpo.spark.SparkSessions;

/**
 * The job's entry point ({@code spark-submit --class org.sparkhpo.app.HpoJob}). Parses the command line,
 * loads and validates every setting, runs the {@link TuningRun}, and maps the outcome to the exit code of
 * DESIGN.md section 5: 0 finished, 2 bad configuration or input (one line naming where, the value and the
 * rule; no stack trace unless debug logging is on), 1 anything else; with {@code --nightly} also 3 (the best
 * objective regressed beyond {@code hpo.nightly.max-regression}) and 4 (another run holds the lock).
 */
public final class HpoJob {
    private static final Logger LOG = LoggerFactory.getLogger(HpoJob.class);

    /** Exit code: finished. */
    public static final int OK = 0;
    /** Exit code: any failure other than bad input. */
    public static final int FAILURE = 1;
    /** Exit code: bad configuration or bad input data. */
    public static final int BAD_INPUT = 2;
    /** Exit code (nightly): the best objective regressed by more than {@code hpo.nightly.max-regression}. */
    public static final int REGRESSION = 3;
    /** Exit code (nightly): another run holds the output directory's lock. */
    public static final int LOCKED = 4;

    private HpoJob() {
    }

    /**
     * @param args {@code [CONF] [--set key=value]... [--resume RUN_ID] [--nightly [--break-lock]]
     *     [--compare RUN_DIR...] [--help]}
     */
    public static void main(String[] args) {
        int code = run(args);
        if (code != OK) {
            System.exit(code);
        }
    }

    private static int execute(CommandLine commandLine) throws IOException {
        List<String> overrides = new ArrayList<>(commandLine.overrides());
        if (commandLine.resume() != null) {
            overrides.add("hpo.run-id=" + commandLine.resume());
        }
        JobSettings settings = SettingsLoader.load(commandLine.configFile(), overrides);
        if (!commandLine.compare().isEmpty()) {
            System.out.println("comparison: " + CompareRuns.write(settings.outputDir(), commandLine.compare()));
            return OK;
        }
        if (commandLine.nightly()) {
            NightlySettings nightly = SettingsLoader.loadNightly(commandLine.configFile(), overrides);
            return new NightlyRun(settings, nightly, commandLine.breakLock()).execute();
        }
        RunPlan plan = commandLine.resume() != null ? RunPlan.resumed() : RunPlan.fresh();
        TuningRun.Outcome outcome = new TuningRun(settings, plan).execute();
        if (!outcome.modelDelivered()) {
            System.err.println("spark-hpo: failed: " + outcome.failure() + " (every trial is journaled in "
                    + outcome.runDirectory().path() + ")");
            return FAILURE;
        }
        return OK;
    }

    /**
     * Runs the job and returns its exit code instead of exiting (for tests).
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String[] args) {
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.println(CommandLine.USAGE);
                return OK;
            }
            return execute(commandLine);
        } catch (LockHeldException e) {
            System.err.println("spark-hpo: locked: " + e.getMessage());
            return LOCKED;
        } catch (InvalidInputException e) {
            System.err.println("spark-hpo: error: " + e.getMessage());
            LOG.debug("bad input", e);
            return BAD_INPUT;
        } catch (Exception e) {
            System.err.println("spark-hpo: failed: " + e);
            LOG.error("the job failed", e);
            return FAILURE;
        } finally {
            SparkSessions.stopActive();
        }
    }
}
