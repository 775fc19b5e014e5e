package org.sparkhpo.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Looks up the constants of a {@link ConfigNamed} enum by their configuration names, the one copy of it. */
public final class ConfigNames {
    private ConfigNames() {
    }

    /**
     * @param values the constants to search, for example {@code StrategyKind.values()}
     * @param name a configuration name, in any case
     * @return the constant called {@code name}, if any
     */
    public static <E extends ConfigNamed> Optional<E> byName(E[] values, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(value -> value.configName().equals(lower)).findFirst();
    }

    /**
     * @param values the constants, for example {@code StrategyKind.values()}
     * @return their configuration names in declaration order, for messages: {@code [grid, random]}
     */
    public static <E extends ConfigNamed> String names(E[] values) {
        return Arrays.stream(values).map(ConfigNamed::configName).toList().toString();
    }
}
