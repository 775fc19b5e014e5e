package org.sparkhpo.data;

import java.util.Arrays;

/** A growing array of primitive ints (CSR column indices and row offsets, row index lists). */
final class IntList {
    private int[] values;
    private int size;

    IntList(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, DoubleList.grownCapacity(values.length));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** @return a copy trimmed to the values added */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
