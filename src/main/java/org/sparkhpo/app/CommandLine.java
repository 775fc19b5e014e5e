package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.common.InvalidInputException;

/**
 * The job's command line: {@code [CONF] [--set key=value]... [--resume RUN_ID] [--nightly [--break-lock]]
 * [--compare RUN_DIR...] [--help]}.
 *
 * @param configFile the configuration file, or null
 * @param overrides the {@code --set} overrides, in order
 * @param help whether {@code --help} was given
 * @param resume the id of the run to resume, or null
 * @param nightly whether to run as the nightly job ({@link NightlyRun})
 * @param breakLock whether the nightly job may break a stale lock
 * @param compare the run directories to compare ({@code --compare}); empty to run the job
 */
public record CommandLine(String configFile, List<String> overrides, boolean help, String resume, boolean nightly,
                          boolean breakLock, List<String> compare) {

    /** The text {@code --help} prints. */
    public static final String USAGE = String.join("\n",
            "Usage: spark-hpo [CONF] [--set key=value]... [--resume RUN_ID] [--nightly [--break-lock]]",
            "                 [--compare RUN_DIR...] [--help]",
            "",
            "Tunes the hyperparameters of a momentum-SGD linear model on Spark: grid, random, Nelder-Mead,",
            "pattern search, CMA-ES, folklore, manual or theory-derived search over a search space, one Spark",
            "task per trial over data broadcast once, then the best configuration is retrained, evaluated on",
            "the test data and saved as a Spark ML model.",
            "",
            "  CONF                 HOCON configuration file (default: reference.conf defaults; under",
            "                       spark-submit also -Dconfig.file=FILE)",
            "  --set key=value      override one key, e.g. --set hpo.search.trials=20",
            "                       --set 'hpo.search.space=[{name=l2, values=[1e-4, 1e-2]}]'",
            "  --resume RUN_ID      resume the interrupted run RUN_ID of hpo.output.dir: journaled trials are",
            "                       replayed, not run again; the settings must shape the same trials (seed,",
            "                       strategy, trials, space, training, data, model, metric)",
            "  --nightly            run as the nightly job (scripts/nightly.sh): take the lock of hpo.output.dir,",
            "                       resume hpo.run-id when unfinished, warm start from the LATEST run, compare",
            "                       with it, then point LATEST at this run",
            "  --break-lock         with --nightly: break a lock older than hpo.nightly.lock-stale-hours",
            "  --compare RUN_DIR... run nothing: write <hpo.output.dir>/comparison.html comparing the runs (best",
            "                       objective, trials, wall time, strategy, best-so-far histories on one chart)",
            "  --help               print this text",
            "",
            "Main keys (all are documented in README.md, 'Configuration reference'):",
            "  hpo.seed, hpo.run-id, hpo.data.train, hpo.data.test, hpo.data.format, hpo.model.loss,",
            "  hpo.metric.name, hpo.training.*, hpo.search.strategy, hpo.search.trials,",
            "  hpo.search.parallelism, hpo.search.space, hpo.search.max-seconds, hpo.search.target,",
            "  hpo.search.dfo.*, hpo.objective, hpo.output.dir",
            "",
            "Outputs: <hpo.output.dir>/<run-id>/{trials.jsonl, trials.csv, best.json, model/, summary.txt,",
            "  report.html}",
            "Exit codes: 0 finished; 2 bad configuration or input data (nothing written over); 1 other failure;",
            "  3 (--nightly) the best objective regressed by more than hpo.nightly.max-regression;",
            "  4 (--nightly) another run holds the lock.");

    /**
     * @param args the arguments
     * @return the parsed command line
     * @throws InvalidInputException for an unknown option or a missing value
     */
    public static CommandLine parse(String[] args) {
        Parser parser = new Parser();
        for (int i = 0; i < args.length; i++) {
            i = parser.accept(args, i);
        }
        if (parser.breakLock && !parser.nightly) {
            throw new InvalidInputException("--break-lock: only allowed with --nightly");
        }
        if (parser.resume != null && parser.nightly) {
            throw new InvalidInputException("--resume: not with --nightly, which resumes an unfinished run itself");
        }
        if (!parser.compare.isEmpty() && (parser.resume != null || parser.nightly)) {
            throw new InvalidInputException("--compare: not with --resume or --nightly");
        }
        if (parser.compareGiven && parser.compare.isEmpty()) {
            throw new InvalidInputException("--compare: missing run directories after --compare");
        }
        return new CommandLine(parser.config, parser.overrides, parser.help, parser.resume, parser.nightly,
                parser.breakLock, List.copyOf(parser.compare));
    }

    /** The options seen so far. */
    private static final class Parser {
        private String config;
        private final List<String> overrides = new ArrayList<>();
        private boolean help;
        private String resume;
        private boolean nightly;
        private boolean breakLock;
        private final List<String> compare = new ArrayList<>();
        private boolean compareGiven;

        /** @return the index of the last argument consumed */
        int accept(String[] args, int i) {
            String arg = args[i];
            switch (arg) {
                case "--compare" -> {
                    compareGiven = true;
                    int last = i;
                    while (last + 1 < args.length && !args[last + 1].startsWith("-")) {
                        compare.add(args[++last]);
                    }
                    return last;
                }
                case "--help", "-h" -> help = true;
                case "--nightly" -> nightly = true;
                case "--break-lock" -> breakLock = true;
                case "--set" -> {
                    overrides.add(value(args, i));
                    return i + 1;
                }
                case "--resume" -> {
                    resume = value(args, i);
                    return i + 1;
                }
                default -> other(arg);
            }
            return i;
        }

        private void other(String arg) {
            if (arg.startsWith("--set=")) {
                overrides.add(arg.substring("--set=".length()));
            } else if (arg.startsWith("--resume=")) {
                resume = arg.substring("--resume=".length());
            } else if (arg.startsWith("-")) {
                throw new InvalidInputException(arg + ": unknown option (see --help)");
            } else if (config == null) {
                config = arg;
            } else {
                throw new InvalidInputException(arg + ": only one configuration file may be given (already "
                        + config + ")");
            }
        }

        private static String value(String[] args, int i) {
            if (i + 1 >= args.length) {
                throw new InvalidInputException(args[i] + ": missing value after " + args[i]);
            }
            return args[i + 1];
        }
    }
}
