package org.sparkhpo.data;

import java.util.Arrays;

/** A growing array of primitive doubles, so that readers need not box values or know row counts ahead. */
final class DoubleList {
    private double[] values;
    private int size;

    DoubleList(int initialCapacity) {
        values = new double[Math.max(16, initialCapacity)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grownCapacity(values.length));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** @return a copy trimmed to the values added */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Grows by half, capped at the largest array length the JVM allows. */
    static int grownCapacity(int length) {
        int grown = length + (length >> 1) + 16;
        return grown < 0 || grown > Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : grown;
    }
}
