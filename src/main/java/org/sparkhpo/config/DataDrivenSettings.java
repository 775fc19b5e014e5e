package org.sparkhpo.config;

/**
 * Which settings are derived from the data at start-up (their value is {@code auto} in the configuration) and
 * the step budget that sets the epochs. {@code app.DataDrivenDefaults} resolves them once the data is read;
 * until then {@link JobSettings#fixed()} and the search space hold the placeholders of {@link SettingsLoader}.
 *
 * @param learningRate {@code hpo.training.learning-rate = auto}
 * @param batchSize {@code hpo.training.batch-size = auto}
 * @param epochs {@code hpo.training.epochs = auto}
 * @param l2 {@code hpo.training.l2 = auto}
 * @param patience {@code hpo.training.patience = auto}
 * @param space {@code hpo.search.space = auto}
 * @param steps {@code hpo.training.steps}: optimizer steps an automatic epoch budget aims at, >= 1
 */
public record DataDrivenSettings(boolean learningRate, boolean batchSize, boolean epochs, boolean l2,
                                 boolean patience, boolean space, int steps) {
    public DataDrivenSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("steps: " + steps + " must be >= 1");
        }
    }

    /** @return settings where nothing is derived from the data */
    public static DataDrivenSettings none() {
        return new DataDrivenSettings(false, false, false, false, false, false, 1);
    }

    /** @return true when at least one setting is derived from the data */
    public boolean any() {
        return learningRate || batchSize || epochs || l2 || patience || space;
    }
}
