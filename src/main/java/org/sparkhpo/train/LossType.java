package org.sparkhpo.train;

import java.util.Optional;
import org.sparkhpo.common.ConfigNamed;
import org.sparkhpo.common.ConfigNames;
import org.sparkhpo.data.Task;

/** The losses a user can choose ({@code hpo.model.loss}), each with the task it solves. */
public enum LossType implements ConfigNamed {
    LOGISTIC("logistic", Task.BINARY),
    SOFTMAX("softmax", Task.MULTICLASS),
    LEAST_SQUARES("least-squares", Task.REGRESSION),
    HINGE("hinge", Task.BINARY);

    private final String configName;
    private final Task task;

    LossType(String configName, Task task) {
        this.configName = configName;
        this.task = task;
    }

    /** @return the name used in configuration files */
    @Override
    public String configName() {
        return configName;
    }

    /** @return the task the loss solves */
    public Task task() {
        return task;
    }

    /** @return a new loss object */
    public Loss newLoss() {
        return switch (this) {
            case LOGISTIC -> new LogisticLoss();
            case SOFTMAX -> new SoftmaxLoss();
            case LEAST_SQUARES -> new LeastSquaresLoss();
            case HINGE -> new HingeLoss();
        };
    }

    /** @return the loss called {@code name} in configuration files, if any */
    public static Optional<LossType> byName(String name) {
        return ConfigNames.byName(values(), name);
    }

    /** @return every configuration name, for messages */
    public static String names() {
        return ConfigNames.names(values());
    }
}
