package org.sparkhpo.common;

import java.util.Locale;

/**
 * An enum whose constants users name in configuration files: by default the constant's name in lower case
 * with '-' for '_' ({@code SUCCESSIVE_HALVING} is {@code successive-halving}); an enum with other names
 * overrides {@link #configName()}. {@link ConfigNames} finds a constant by that name and lists the names.
 */
public interface ConfigNamed {
    /** @return the constant's Java name (every enum has it) */
    String name();

    /** @return the name used in configuration files */
    default String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
