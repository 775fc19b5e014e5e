package org.sparkhpo.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sparkhpo.objective.KnownFunction;

/** What a trial evaluates ({@code hpo.objective}): SGD training, or a known-optimum function. */
public enum ObjectiveKind {
    SGD(null), SPHERE(KnownFunction.SPHERE), ROSENBROCK(KnownFunction.ROSENBROCK), BRANIN(KnownFunction.BRANIN);

    private final KnownFunction function;

    ObjectiveKind(KnownFunction function) {
        this.function = function;
    }

    /** @return the known function, empty for SGD training */
    public Optional<KnownFunction> function() {
        return Optional.ofNullable(function);
    }

    /** @return the name used in configuration files */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the objective called {@code name}, if any */
    public static Optional<ObjectiveKind> byName(String name) {
        return Arrays.stream(values()).filter(o -> o.configName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return Arrays.stream(values()).map(ObjectiveKind::configName).toList().toString();
    }
}
