package org.sparkhpo.data;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Single-precision copies of dense double features, made once per JVM (per executor) and shared by every task
 * that asks for the same features object: with a tunable {@code precision} the broadcast data are double, and
 * each float trial trains on the float copy ({@link FloatDenseFeatures#of}) instead of converting the rows
 * again in every task. The features of a broadcast are one object per executor while the broadcast is in
 * memory, so the copy is keyed by that object (identity: {@link DenseFeatures} does not override equals) and
 * held weakly: it goes when the broadcast's value does.
 */
public final class FloatCopies {
    private static final Map<DenseFeatures, FloatDenseFeatures> COPIES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private FloatCopies() {
    }

    /**
     * @param part rows with dense double features
     * @return the same rows with the JVM's single-precision copy of the features
     */
    public static LabeledData of(LabeledData part) {
        DenseFeatures dense = (DenseFeatures) part.features();
        return new LabeledData(COPIES.computeIfAbsent(dense, FloatDenseFeatures::of), part.labels());
    }

    /**
     * The training rows in a trial's {@code precision}: as stored (empty precision, or the stored one), or for
     * {@code float} over dense double features the JVM's float copy ({@link #of}). Sparse features have one
     * (double) kernel, and float storage cannot give double back: the settings refuse both, and a trial that
     * gets through fails with this reason.
     *
     * @param rows the rows as stored
     * @param precision {@code ""} (as stored), {@code float} or {@code double}
     * @return the rows to train on
     * @throws IllegalStateException when the stored features cannot serve the precision
     */
    public static LabeledData inPrecision(LabeledData rows, String precision) {
        Features features = rows.features();
        boolean storedDouble = features instanceof DenseFeatures;
        boolean storedFloat = features instanceof FloatDenseFeatures;
        if (precision.isEmpty() || precision.equals("float") && storedFloat
                || precision.equals("double") && storedDouble) {
            return rows;
        }
        if (precision.equals("float") && storedDouble) {
            return of(rows);
        }
        throw new IllegalStateException("precision '" + precision + "' needs dense features stored in double"
                + " precision (hpo.data.precision = double), got " + features.getClass().getSimpleName());
    }
}
