package org.sparkhpo.data;

/** Joins two data parts row-wise (for retraining the final model on train + validation). */
public final class Concatenation {
    private Concatenation() {
    }

    /**
     * @param first the first rows
     * @param second the rows that follow, with the same number of columns and the same storage (dense or sparse)
     * @return a new data part holding the rows of first, then those of second
     */
    public static LabeledData concat(LabeledData first, LabeledData second) {
        double[] labels = new double[first.rows() + second.rows()];
        System.arraycopy(first.labels(), 0, labels, 0, first.rows());
        System.arraycopy(second.labels(), 0, labels, first.rows(), second.rows());
        return new LabeledData(concat(first.features(), second.features()), labels);
    }

    private static Features concat(Features a, Features b) {
        if (a.columns() != b.columns()) {
            throw new IllegalArgumentException("concatenation: " + a.columns() + " and " + b.columns() + " columns");
        }
        if (a instanceof DenseFeatures da && b instanceof DenseFeatures db) {
            double[] values = new double[da.values().length + db.values().length];
            System.arraycopy(da.values(), 0, values, 0, da.values().length);
            System.arraycopy(db.values(), 0, values, da.values().length, db.values().length);
            return new DenseFeatures(values, a.rows() + b.rows(), a.columns());
        }
        if (a instanceof FloatDenseFeatures fa && b instanceof FloatDenseFeatures fb) {
            float[] values = new float[fa.values().length + fb.values().length];
            System.arraycopy(fa.values(), 0, values, 0, fa.values().length);
            System.arraycopy(fb.values(), 0, values, fa.values().length, fb.values().length);
            return new FloatDenseFeatures(values, a.rows() + b.rows(), a.columns());
        }
        if (a instanceof SparseFeatures sa && b instanceof SparseFeatures sb) {
            int nnzA = sa.values().length;
            int[] rowStart = new int[a.rows() + b.rows() + 1];
            System.arraycopy(sa.rowStart(), 0, rowStart, 0, a.rows() + 1);
            for (int r = 1; r <= b.rows(); r++) {
                rowStart[a.rows() + r] = nnzA + sb.rowStart()[r];
            }
            int[] columns = new int[nnzA + sb.values().length];
            double[] values = new double[columns.length];
            System.arraycopy(sa.columnIndices(), 0, columns, 0, nnzA);
            System.arraycopy(sb.columnIndices(), 0, columns, nnzA, sb.values().length);
            System.arraycopy(sa.values(), 0, values, 0, nnzA);
            System.arraycopy(sb.values(), 0, values, nnzA, sb.values().length);
            return new SparseFeatures(rowStart, columns, values, a.columns());
        }
        throw new IllegalArgumentException("concatenation: parts of different storage cannot be joined");
    }
}
