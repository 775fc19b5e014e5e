package org.sparkhpo.app;

import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.config.InvalidInputException;

/**
 * The job's command line: {@code [CONF] [--set key=value]... [--help]}.
 *
 * @param configFile the configuration file, or null
 * @param overrides the {@code --set} overrides, in order
 * @param help whether {@code --help} was given
 */
public record CommandLine(String configFile, List<String> overrides, boolean help) {

    /** The text {@code --help} prints. */
    public static final String USAGE = String.join("\n",
            "Usage: spark-hpo [CONF] [--set key=value]... [--help]",
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
            "  --help               print this text",
            "",
            "Main keys (all are documented in README.md, 'Configuration reference'):",
            "  hpo.seed, hpo.run-id, hpo.data.train, hpo.data.test, hpo.data.format, hpo.model.loss,",
            "  hpo.metric.name, hpo.training.*, hpo.search.strategy, hpo.search.trials,",
            "  hpo.search.parallelism, hpo.search.space, hpo.search.max-seconds, hpo.search.target,",
            "  hpo.search.dfo.*, hpo.objective, hpo.output.dir",
            "",
            "Outputs: <hpo.output.dir>/<run-id>/{trials.jsonl, trials.csv, best.json, model/, summary.txt}",
            "Exit codes: 0 finished; 2 bad configuration or input data (nothing written over); 1 other failure.");

    /**
     * @param args the arguments
     * @return the parsed command line
     * @throws InvalidInputException for an unknown option or a missing value
     */
    public static CommandLine parse(String[] args) {
        String config = null;
        List<String> overrides = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--set")) {
                if (i + 1 >= args.length) {
                    throw new InvalidInputException("--set: missing key=value after --set");
                }
                overrides.add(args[++i]);
            } else if (arg.startsWith("--set=")) {
                overrides.add(arg.substring("--set=".length()));
            } else if (arg.startsWith("-")) {
                throw new InvalidInputException(arg + ": unknown option (see --help)");
            } else if (config == null) {
                config = arg;
            } else {
                throw new InvalidInputException(arg + ": only one configuration file may be given (already "
                        + config + ")");
            }
        }
        return new CommandLine(config, overrides, help);
    }
}
