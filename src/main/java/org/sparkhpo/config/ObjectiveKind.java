package org.sparkhpo.config;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;
import org.sparkhpo.objective.KnownFunction;

/** What a trial evaluates ({@code hpo.objective}): SGD training, or a known-optimum function. */
public enum ObjectiveKind implements ConfigNamed {
    SGD(null), SPHERE(KnownFunction.SPHERE), ROSENBROCK(KnownFunction.ROSENBROCK), BRANIN(KnownFunction.BRANIN);

    private final KnownFunction function;

    ObjectiveKind(KnownFunction function) {
        this.function = function;
    }

    /** @return the known function, empty for SGD training */
    public Optional<KnownFunction> function() {
        return Optional.ofNullable(function);
    }

    /** @return the objective called {@code name}, if any */
    public static Optional<ObjectiveKind> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
