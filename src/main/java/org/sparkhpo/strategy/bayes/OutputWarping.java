package org.sparkhpo.strategy.bayes;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;

/** What the {@code bayes} strategy does to the standardized objective before fitting the Gaussian process. */
public enum OutputWarping implements ConfigNamed {
    /** The standardized values as they are. */
    NONE,
    /** The maximum-likelihood Yeo–Johnson power transformation (HEBO's), see {@link YeoJohnsonWarping}. */
    YEO_JOHNSON;

    /** @return the standardized values after this warping (mean 0, sd 1 again) */
    double[] apply(double[] standardized) {
        return this == YEO_JOHNSON ? YeoJohnsonWarping.warp(standardized) : standardized;
    }

    /** @return the warping called {@code name}, if any */
    public static Optional<OutputWarping> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
