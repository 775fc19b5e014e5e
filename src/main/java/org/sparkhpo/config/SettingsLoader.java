package org.sparkhpo.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.ColumnSettings;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.DataSettings;
import org.sparkhpo.data.Folds;
import org.sparkhpo.data.Precision;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.search.BanditSettings;
import org.sparkhpo.search.MedianStoppingSettings;
import org.sparkhpo.search.SearchSettings;
import org.sparkhpo.search.StrategyInputs;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;

/**
 * The only code that reads configuration keys. It merges {@code --set} overrides over the user's file over
 * {@code reference.conf}, rejects any key under {@code hpo} that {@code reference.conf} does not define,
 * reads every key into {@link JobSettings} records, and checks types, ranges and cross-field rules, so a
 * bad setting fails at start-up with {@link InvalidInputException} naming the key, the value and the rule.
 */
public final class SettingsLoader {
    private static final DateTimeFormatter RUN_ID_FORMAT = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss");

    private SettingsLoader() {
    }

    /**
     * @param configFile the user's configuration file, or null for reference.conf alone (or the file named
     *     by the {@code config.file} system property, as spark-submit's {@code -Dconfig.file} sets it)
     * @param overrides {@code key=value} strings from {@code --set}, applied last
     * @return the validated settings
     */
    public static JobSettings load(String configFile, List<String> overrides) {
        return fromConfig(merge(configFile, overrides));
    }

    /**
     * Reads the nightly job's keys ({@code hpo.nightly}) from the same sources as {@link #load}.
     *
     * @param configFile the user's configuration file, or null
     * @param overrides {@code key=value} strings from {@code --set}
     * @return the validated nightly settings
     */
    public static NightlySettings loadNightly(String configFile, List<String> overrides) {
        Keys keys = new Keys(merge(configFile, overrides));
        return new NightlySettings(
                keys.intIn("hpo.nightly.warm-start", 0, 1000),
                keys.doubleIn("hpo.nightly.max-regression", -Double.MAX_VALUE, Double.MAX_VALUE, true),
                keys.doubleIn("hpo.nightly.lock-stale-hours", 0.0, Double.MAX_VALUE, false));
    }

    /** Merges overrides, the user's file and reference.conf, and rejects unknown keys under hpo. */
    static Config merge(String configFile, List<String> overrides) {
        Config reference = ConfigFactory.defaultReference();
        Config user = ConfigFactory.empty();
        String file = configFile != null ? configFile : System.getProperty("config.file");
        if (file != null) {
            user = parseFile(file);
        }
        Config merged = user;
        for (String override : overrides) {
            merged = Overrides.parse(override).withFallback(merged);
        }
        rejectUnknownKeys(merged, reference);
        try {
            return merged.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static Config parseFile(String file) {
        File f = new File(file);
        if (!f.isFile()) {
            throw new InvalidInputException(file + ": configuration file does not exist");
        }
        try {
            return ConfigFactory.parseFile(f);
        } catch (ConfigException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static void rejectUnknownKeys(Config user, Config reference) {
        if (!user.hasPath("hpo")) {
            return;
        }
        for (Map.Entry<String, ConfigValue> entry : user.getConfig("hpo").entrySet()) {
            String key = "hpo." + entry.getKey();
            if (!reference.hasPathOrNull(key)) {
                throw InvalidInputException.forKey(key, entry.getValue().unwrapped(),
                        "is not a known key (see README.md, 'Configuration reference')");
            }
        }
    }

    /** Reads every key of a merged configuration into settings. */
    static JobSettings fromConfig(Config config) {
        Keys keys = new Keys(config);
        ModelSettings model = model(keys);
        ObjectiveKind objective = keys.choice("hpo.objective", ObjectiveKind.byName(keys.string("hpo.objective"))
                .orElse(null), ObjectiveKind.names());
        Metric metric = keys.choice("hpo.metric.name", Metric.byName(keys.string("hpo.metric.name")).orElse(null),
                Metric.names());
        metric = CrossFieldRules.checkMetric(model.loss(), metric, objective);
        DataSettings data = data(keys);
        DataDrivenSettings dataDriven = dataDriven(keys);
        HyperParameters fixed = fixedHyperParameters(keys, dataDriven);
        StoppingRules stopping = stopping(keys, dataDriven);
        SearchSettings search = SearchKeys.read(config, keys, dataDriven, fixed);
        BanditSettings bandit = bandit(keys);
        MedianStoppingSettings medianStopping = medianStopping(keys);
        ObjectiveSpec cost = CostKeys.read(config, keys, metric);
        search.strategy().descriptor().check(new StrategyInputs(search, bandit, medianStopping, metric,
                model.loss(), fixed, keys.longInteger("hpo.seed"), cost));
        CrossFieldRules.checkObjective(search, objective);
        data = CrossFieldRules.checkFolds(data, search, medianStopping);
        CrossFieldRules.checkPrecision(search, data);
        return new JobSettings(
                keys.longInteger("hpo.seed"),
                runId(keys.string("hpo.run-id")),
                data, model, metric, fixed, stopping, search,
                finish(keys),
                keys.nonEmptyString("hpo.output.dir"),
                new SparkSettings(keys.string("hpo.spark.master"), keys.nonEmptyString("hpo.spark.app-name"),
                        keys.oneOf("hpo.spark.log-level", List.of("ERROR", "WARN", "INFO", "DEBUG")),
                        packSize(keys), keys.oneOf("hpo.spark.idle-cores", List.of("lend", "leave")).equals("lend")),
                bandit, medianStopping, objective,
                keys.bool("hpo.output.report"), cost, dataDriven);
    }

    /** {@code hpo.spark.pack-size}: {@code auto} or an integer in [1, 1024]. */
    private static int packSize(Keys keys) {
        return autoOrInt(keys, "hpo.spark.pack-size", SparkSettings.AUTO_PACK_SIZE, 1024);
    }

    /**
     * @param keys the keys
     * @param key a key whose value is {@code auto} or an integer in [1, max]
     * @param auto what {@code auto} reads as
     * @param max the largest integer
     * @return the integer, or {@code auto}'s value
     */
    private static int autoOrInt(Keys keys, String key, int auto, int max) {
        if (keys.string(key).equalsIgnoreCase("auto")) {
            return auto;
        }
        try {
            Integer.parseInt(keys.string(key));
        } catch (NumberFormatException e) {
            throw InvalidInputException.forKey(key, keys.string(key), "must be auto or an integer in [1, " + max
                    + "]");
        }
        return keys.intIn(key, 1, max);
    }

    private static BanditSettings bandit(Keys keys) {
        String prefix = "hpo.search.bandit.";
        int minEpochs = keys.intIn(prefix + "min-epochs", 1, 1_000_000);
        int maxEpochs = keys.intIn(prefix + "max-epochs", 1, 1_000_000);
        if (maxEpochs < minEpochs) {
            throw InvalidInputException.forKey(prefix + "max-epochs", maxEpochs,
                    "must be >= " + prefix + "min-epochs (" + minEpochs + ")");
        }
        return new BanditSettings(
                keys.intIn(prefix + "reduction-factor", 2, 1_000),
                minEpochs, maxEpochs,
                keys.intIn(prefix + "configurations", 0, 10_000_000),
                keys.oneOf(prefix + "sampler", BanditSettings.samplers()),
                keys.bool("hpo.search.keep-checkpoints"));
    }

    private static MedianStoppingSettings medianStopping(Keys keys) {
        return new MedianStoppingSettings(keys.bool("hpo.training.median-stopping"),
                keys.intIn("hpo.training.median-grace-epochs", 0, 1_000_000),
                keys.intIn("hpo.training.median-min-trials", 1, 1_000_000));
    }

    private static ModelSettings model(Keys keys) {
        LossType loss = keys.choice("hpo.model.loss", LossType.byName(keys.string("hpo.model.loss")).orElse(null),
                LossType.names());
        int numClasses = keys.intIn("hpo.model.num-classes", 0, 1_000_000);
        if (numClasses == 1) {
            throw InvalidInputException.forKey("hpo.model.num-classes", 1, "must be 0 (infer) or >= 2");
        }
        return new ModelSettings(loss, numClasses);
    }

    private static DataSettings data(Keys keys) {
        DataSettings data = new DataSettings(
                keys.nonEmptyString("hpo.data.train"),
                keys.string("hpo.data.train-labels"),
                keys.string("hpo.data.validation"),
                keys.string("hpo.data.validation-labels"),
                keys.string("hpo.data.test"),
                keys.string("hpo.data.test-labels"),
                keys.oneOf("hpo.data.format", DataFormat.CONFIGURABLE),
                keys.nonEmptyString("hpo.data.csv-label-column"),
                keys.intIn("hpo.data.num-features", 0, Integer.MAX_VALUE),
                keys.doubleIn("hpo.data.validation-fraction", 0.0, 1.0, false),
                keys.oneOf("hpo.data.standardize", DataSettings.Standardize.values()),
                keys.intIn("hpo.data.max-train-rows", 0, Integer.MAX_VALUE),
                keys.oneOf("hpo.data.precision", Precision.values()),
                new ColumnSettings(keys.nonEmptyString("hpo.data.label-column"),
                        keys.string("hpo.data.features-column"), keys.stringList("hpo.data.feature-columns")),
                folds(keys));
        return data;
    }

    /** {@code hpo.data.folds}: {@code auto} or an integer in [1, {@link Folds#MAX_FOLDS}]. */
    private static Folds folds(Keys keys) {
        String key = "hpo.data.folds";
        if (keys.isAuto(key)) {
            return Folds.AUTO;
        }
        try {
            return new Folds(keys.intIn(key, 1, Folds.MAX_FOLDS));
        } catch (InvalidInputException e) {
            throw InvalidInputException.forKey(key, keys.raw(key), "must be auto or an integer in [1, "
                    + Folds.MAX_FOLDS + "] (1: one hold-out part, k >= 2: k-fold cross-validation)");
        }
    }

    /**
     * Placeholders of the {@code auto} training values until the data gives the real ones
     * ({@code app.DataDrivenDefaults}); they only have to pass the tunables' rules.
     */
    static final double PLACEHOLDER_LEARNING_RATE = 0.01;
    static final int PLACEHOLDER_BATCH_SIZE = 128;
    static final int PLACEHOLDER_EPOCHS = 20;
    static final double PLACEHOLDER_L2 = 1e-4;

    private static DataDrivenSettings dataDriven(Keys keys) {
        String prefix = "hpo.training.";
        return new DataDrivenSettings(keys.isAuto(prefix + "learning-rate"), keys.isAuto(prefix + "batch-size"),
                keys.isAuto(prefix + "epochs"), keys.isAuto(prefix + "l2"), keys.isAuto(prefix + "patience"),
                keys.isAuto("hpo.search.space"),
                keys.intIn(prefix + "steps", 1, Integer.MAX_VALUE));
    }

    private static HyperParameters fixedHyperParameters(Keys keys, DataDrivenSettings auto) {
        String prefix = "hpo.training.";
        try {
            return new HyperParameters(
                    auto.learningRate() ? PLACEHOLDER_LEARNING_RATE : keys.number(prefix + "learning-rate"),
                    keys.number(prefix + "momentum"),
                    keys.bool(prefix + "nesterov"),
                    auto.batchSize() ? PLACEHOLDER_BATCH_SIZE
                            : keys.intIn(prefix + "batch-size", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    auto.epochs() ? PLACEHOLDER_EPOCHS
                            : keys.intIn(prefix + "epochs", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    auto.l2() ? PLACEHOLDER_L2 : keys.number(prefix + "l2"),
                    keys.number(prefix + "l1"),
                    keys.string(prefix + "schedule"),
                    keys.number(prefix + "decay-rate"),
                    keys.intIn(prefix + "decay-epochs", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    keys.intIn(prefix + "threads", Integer.MIN_VALUE, Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(prefix + e.getMessage(), e);
        }
    }

    /** Placeholder of an {@code auto} patience until the epoch budget is known. */
    static final int PLACEHOLDER_PATIENCE = 3;

    private static StoppingRules stopping(Keys keys, DataDrivenSettings auto) {
        return new StoppingRules(
                auto.patience() ? PLACEHOLDER_PATIENCE : keys.intIn("hpo.training.patience", 0, 1_000_000),
                keys.doubleIn("hpo.training.min-delta", 0.0, Double.MAX_VALUE, true),
                keys.doubleIn("hpo.training.divergence-factor", 1.0, Double.MAX_VALUE, false));
    }

    private static FinishSettings finish(Keys keys) {
        String retrain = keys.oneOf("hpo.finish.retrain", List.of("train+validation", "train"));
        return new FinishSettings(retrain.equals("train+validation"), keys.bool("hpo.finish.save-model"),
                autoOrInt(keys, "hpo.finish.threads", FinishSettings.AUTO_THREADS, 64));
    }

    private static String runId(String configured) {
        if (!configured.isEmpty()) {
            if (!configured.matches("[A-Za-z0-9._-]+")) {
                throw InvalidInputException.forKey("hpo.run-id", configured,
                        "must contain only letters, digits, '.', '_' and '-'");
            }
            return configured;
        }
        return ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID_FORMAT);
    }
}
