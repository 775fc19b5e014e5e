package org.sparkhpo.trial;

import org.sparkhpo.train.Metric;

/**
 * The names of the numbers a trial reports in {@link TrialResult#metrics()}, in one place: the trial runner
 * and the known-function objective write them; the loop, the progress lines, trials.csv, summary.txt, the rung
 * report and the final model read them. They appear as columns of trials.csv and keys of trials.jsonl, so a
 * renamed constant is a change of the output format (README.md, "Outputs").
 */
public final class MetricKeys {
    /** Wall time the trial trained, in seconds. */
    public static final String TRAIN_SECONDS = "train_seconds";
    /** Epochs the trial ran (0 for a known function). */
    public static final String EPOCHS = "epochs";
    /** The epoch whose validation metric was the best (1-based; 0 for a known function). */
    public static final String BEST_EPOCH = "best_epoch";
    /** The training loss of the last epoch. */
    public static final String TRAIN_LOSS = "train_loss";
    /** A bandit trial's rung (0 is the first). */
    public static final String RUNG = "rung";
    /** A bandit trial's epoch budget. */
    public static final String BUDGET_EPOCHS = "budget_epochs";
    /** The trial whose checkpoint a bandit trial resumed, -1 for none. */
    public static final String RESUMED_FROM_TRIAL = "resumed_from_trial";
    /** The epoch a bandit trial resumed at. */
    public static final String RESUMED_FROM_EPOCH = "resumed_from_epoch";
    /** Epochs a bandit trial trained in this trial (its budget minus the resumed epochs). */
    public static final String EPOCHS_TRAINED = "epochs_trained";
    /** Weights of the trained model that are not zero. */
    public static final String NONZERO_WEIGHTS = "nonzero_weights";
    /** Milliseconds to predict 1000 validation rows. */
    public static final String PREDICT_MS_PER_1000 = "predict_ms_per_1000";
    /** How many trials trained together in the trial's pack (1 when it trained alone). */
    public static final String PACK_SIZE = "pack_size";
    /** k-fold cross-validation: the number of folds the trial's metrics are averaged over. */
    public static final String FOLDS = "folds";
    /** The threads (cores) the trial trained on; {@code core_seconds} = train_seconds x threads. */
    public static final String THREADS = "threads";
    /** A known function's value minus its known minimum. */
    public static final String GAP = "gap";

    private MetricKeys() {
    }

    /**
     * @param key a metric key, for example {@code val_accuracy}
     * @return the key of its spread over cross-validation folds, for example {@code val_accuracy_std}
     */
    public static String spread(String key) {
        return key + "_std";
    }

    /** @return the key of the objective: {@code val_} and the metric's name, for example {@code val_log_loss} */
    public static String objective(Metric metric) {
        return "val_" + metric.configName().replace('-', '_');
    }
}
