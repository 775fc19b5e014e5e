package org.sparkhpo.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The strategies a user can choose ({@code hpo.search.strategy}). */
public enum StrategyKind {
    GRID, RANDOM, SUCCESSIVE_HALVING, HYPERBAND, NELDER_MEAD, PATTERN_SEARCH, CMA_ES, FOLKLORE, MANUAL, THEORY;

    /** @return true for the strategies that hand out epoch budgets and resume checkpoints */
    public boolean isBandit() {
        return this == SUCCESSIVE_HALVING || this == HYPERBAND;
    }

    /** @return true for the derivative-free strategies, which search the unit cube of the space */
    public boolean isDerivativeFree() {
        return this == NELDER_MEAD || this == PATTERN_SEARCH || this == CMA_ES;
    }

    /** @return the name used in configuration files */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the strategy called {@code name}, if any */
    public static Optional<StrategyKind> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.configName().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return Arrays.stream(values()).map(StrategyKind::configName).toList().toString();
    }
}
