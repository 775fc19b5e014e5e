package org.sparkhpo.config;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.search.DfoStart;
import org.sparkhpo.search.SearchSettings;
import org.sparkhpo.search.StrategyKind;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.DataDrivenSpace;
import org.sparkhpo.strategy.baseline.ManualConfigurations;
import org.sparkhpo.strategy.bayes.BayesOptions;
import org.sparkhpo.strategy.bayes.LengthScalePrior;
import org.sparkhpo.strategy.bayes.LowerBoundProposals;
import org.sparkhpo.strategy.bayes.OutputWarping;
import org.sparkhpo.strategy.dfo.DesignKind;
import org.sparkhpo.strategy.dfo.DfoOptions;
import org.sparkhpo.strategy.tpe.TpeOptions;
import org.sparkhpo.train.HyperParameters;

/** Reads the keys under {@code hpo.search} into {@link SearchSettings}. Used by {@link SettingsLoader} only. */
final class SearchKeys {
    private SearchKeys() {
    }

    static SearchSettings read(Config config, Keys keys, DataDrivenSettings auto, HyperParameters fixed) {
        List<Configuration> manual = new ArrayList<>(ManualConfigurations.fromEntries(
                keys.list("hpo.search.manual"), "hpo.search.manual"));
        String manualFile = keys.string("hpo.search.manual-file");
        if (!manualFile.isEmpty()) {
            manual.addAll(ManualConfigurations.fromCsv(manualFile));
        }
        return new SearchSettings(
                keys.choice("hpo.search.strategy", StrategyKind.byName(keys.string("hpo.search.strategy"))
                        .orElse(null), StrategyKind.names()),
                keys.intIn("hpo.search.trials", 1, 10_000_000),
                keys.intIn("hpo.search.parallelism", 0, 100_000),
                auto.space() ? DataDrivenSpace.of(auto.learningRate() ? DataDrivenSpace.PLACEHOLDER_LEARNING_RATE : null,
                        auto.l2() ? DataDrivenSpace.PLACEHOLDER_L2 : null, fixed.learningRate())
                        : SpaceReader.read(config, "hpo.search.space"),
                keys.doubleIn("hpo.search.max-seconds", 0.0, Double.MAX_VALUE, true),
                keys.optionalNumber("hpo.search.target"),
                manual,
                dfo(keys),
                keys.choice("hpo.search.dfo.start", DfoStart.byName(keys.string("hpo.search.dfo.start")).orElse(null),
                        DfoStart.names()),
                bayes(keys),
                tpe(keys));
    }

    private static BayesOptions bayes(Keys keys) {
        String prefix = "hpo.search.bayes.";
        return new BayesOptions(keys.intIn(prefix + "initial-points", 0, 1_000_000),
                keys.intIn(prefix + "candidates", 16, 1_000_000),
                halfOpenToHalf(keys, prefix + "min-distance"),
                keys.intIn(prefix + "fit-starts", 1, 1_000),
                keys.oneOf(prefix + "output-warping", OutputWarping.values()),
                new LowerBoundProposals(keys.intIn(prefix + "lcb-proposals", 0, 1_000_000),
                        keys.doubleIn(prefix + "lcb-kappa", 0.0, 100.0, true),
                        halfOpenToHalf(keys, prefix + "lcb-min-distance")),
                keys.oneOf(prefix + "length-scale-prior", LengthScalePrior.values()));
    }

    /** @return the number at {@code key}, which must lie in (0, 0.5] */
    private static double halfOpenToHalf(Keys keys, String key) {
        double value = keys.number(key);
        if (!(value > 0.0 && value <= 0.5)) {
            throw InvalidInputException.forKey(key, value, "must be in (0, 0.5]");
        }
        return value;
    }

    private static TpeOptions tpe(Keys keys) {
        String prefix = "hpo.search.tpe.";
        return new TpeOptions(keys.intIn(prefix + "initial-points", 0, 1_000_000),
                keys.intIn(prefix + "candidates", 1, 1_000_000),
                halfOpenToHalf(keys, prefix + "gamma"),
                keys.doubleIn(prefix + "prior-weight", 0.0, Double.MAX_VALUE, false),
                keys.bool(prefix + "multivariate"));
    }

    private static DfoOptions dfo(Keys keys) {
        String prefix = "hpo.search.dfo.";
        int points = keys.intIn(prefix + "initial-points", 0, 1_000_000);
        DesignKind design = keys.choice(prefix + "initial-design", DesignKind.byName(keys.string(prefix
                + "initial-design")).orElse(null), DesignKind.names());
        double step = keys.number(prefix + "step");
        if (!(step > 0.0 && step <= 1.0)) {
            throw InvalidInputException.forKey(prefix + "step", step, "must be in (0, 1]");
        }
        double minStep = keys.doubleIn(prefix + "min-step", 0.0, Double.MAX_VALUE, false);
        if (minStep >= step) {
            throw InvalidInputException.forKey(prefix + "min-step", minStep, "must be < hpo.search.dfo.step ("
                    + step + ")");
        }
        int population = keys.intIn(prefix + "population", 0, 1_000_000);
        if (population == 1) {
            throw InvalidInputException.forKey(prefix + "population", 1, "must be 0 (default) or >= 2");
        }
        double sigma = keys.number(prefix + "sigma");
        if (!(sigma > minStep && sigma <= 1.0)) {
            throw InvalidInputException.forKey(prefix + "sigma", sigma, "must be in (hpo.search.dfo.min-step = "
                    + minStep + ", 1]");
        }
        return new DfoOptions(points, design, step, minStep, population, sigma);
    }
}
