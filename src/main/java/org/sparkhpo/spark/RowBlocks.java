package org.sparkhpo.spark;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.Features;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.SparseFeatures;

/**
 * Turns a checked input into compact arrays: every partition becomes one {@link LabeledData} block on its
 * executor (dense row-major doubles, or CSR without the zeros), the blocks travel to the driver through
 * Spark's result path with our Kryo serializers (raw primitive arrays), and the driver copies them, in
 * partition order, into arrays allocated once at the size {@link InputSummary} announced.
 */
final class RowBlocks {
    private RowBlocks() {
    }

    /**
     * @param frame the input, already checked by {@link InputChecks}
     * @param columns its columns
     * @param summary what the checks found (rows, width, storage)
     * @return the rows, labels as read (not yet encoded)
     */
    static LabeledData collect(Dataset<Row> frame, FeatureColumns columns, InputSummary summary) {
        Column[] selected = new Column[columns.isVector() ? 2 : 1 + columns.numeric().size()];
        selected[0] = InputChecks.column(columns.label()).cast("double");
        if (columns.isVector()) {
            selected[1] = InputChecks.column(columns.vector());
        } else {
            for (int i = 0; i < columns.numeric().size(); i++) {
                selected[i + 1] = InputChecks.column(columns.numeric().get(i)).cast("double");
            }
        }
        List<LabeledData> blocks = frame.select(selected).toJavaRDD()
                .mapPartitions(new ToBlock(columns.isVector(), summary.sparse(), summary.width())).collect();
        return assemble(blocks, summary);
    }

    /** Joins the blocks into one matrix of the announced size (one allocation per array). */
    static LabeledData assemble(List<LabeledData> blocks, InputSummary summary) {
        int rows = Math.toIntExact(summary.rows());
        double[] labels = new double[rows];
        int row = 0;
        for (LabeledData block : blocks) {
            System.arraycopy(block.labels(), 0, labels, row, block.rows());
            row += block.rows();
        }
        if (row != rows) {
            throw new IllegalStateException("read " + row + " rows where the checks counted " + rows
                    + " (did the input change while it was read?)");
        }
        Features features = summary.sparse() ? sparse(blocks, summary) : dense(blocks, summary);
        return new LabeledData(features, labels);
    }

    private static DenseFeatures dense(List<LabeledData> blocks, InputSummary summary) {
        int width = summary.width();
        double[] values = new double[Math.toIntExact(summary.storedValues())];
        int at = 0;
        for (LabeledData block : blocks) {
            double[] part = ((DenseFeatures) block.features()).values();
            System.arraycopy(part, 0, values, at, part.length);
            at += part.length;
        }
        return new DenseFeatures(values, Math.toIntExact(summary.rows()), width);
    }

    private static SparseFeatures sparse(List<LabeledData> blocks, InputSummary summary) {
        int rows = Math.toIntExact(summary.rows());
        int[] rowStart = new int[rows + 1];
        int nonZeros = Math.toIntExact(summary.storedValues());
        int[] indices = new int[nonZeros];
        double[] values = new double[nonZeros];
        int row = 0;
        int at = 0;
        for (LabeledData block : blocks) {
            SparseFeatures part = (SparseFeatures) block.features();
            for (int r = 1; r <= part.rows(); r++) {
                rowStart[row + r] = at + part.rowStart()[r];
            }
            System.arraycopy(part.columnIndices(), 0, indices, at, part.values().length);
            System.arraycopy(part.values(), 0, values, at, part.values().length);
            row += part.rows();
            at += part.values().length;
        }
        return new SparseFeatures(rowStart, indices, values, summary.width());
    }

    /** Executor side: the rows of one partition as one block. */
    private static final class ToBlock implements FlatMapFunction<Iterator<Row>, LabeledData> {
        private static final long serialVersionUID = 1L;
        private final boolean vector;
        private final boolean sparse;
        private final int width;

        ToBlock(boolean vector, boolean sparse, int width) {
            this.vector = vector;
            this.sparse = sparse;
            this.width = width;
        }

        @Override
        public Iterator<LabeledData> call(Iterator<Row> rows) {
            if (!rows.hasNext()) {
                return Collections.emptyIterator();
            }
            BlockBuilder builder = new BlockBuilder(width, sparse);
            while (rows.hasNext()) {
                Row row = rows.next();
                if (vector) {
                    builder.add(row.getDouble(0), (Vector) row.get(1));
                } else {
                    builder.add(row);
                }
            }
            return Collections.singletonList(builder.build()).iterator();
        }
    }

    /** Growable arrays for one block: labels and either dense values or CSR. */
    private static final class BlockBuilder {
        private final int width;
        private final boolean sparse;
        private double[] labels = new double[256];
        private int rows;
        private double[] values;
        private int[] indices;
        private int[] rowStart = new int[257];
        private int stored;

        BlockBuilder(int width, boolean sparse) {
            this.width = width;
            this.sparse = sparse;
            this.values = new double[sparse ? 1024 : 256 * width];
            this.indices = sparse ? new int[1024] : null;
        }

        void add(double label, Vector features) {
            startRow(label);
            if (features instanceof SparseVector vector) {
                addEntries(vector.indices(), vector.values(), vector.indices().length);
            } else {
                double[] dense = features.toArray();
                if (sparse) {
                    for (int c = 0; c < dense.length; c++) {
                        store(c, dense[c]);
                    }
                } else {
                    ensure(width);
                    System.arraycopy(dense, 0, values, stored, width);
                    stored += width;
                }
            }
            endRow();
        }

        private void addEntries(int[] columns, double[] entries, int count) {
            if (sparse) {
                for (int k = 0; k < count; k++) {
                    store(columns[k], entries[k]);
                }
            } else {
                ensure(width);
                for (int k = 0; k < count; k++) {
                    values[stored + columns[k]] = entries[k];
                }
                stored += width;
            }
        }

        void add(Row row) {
            startRow(row.getDouble(0));
            ensure(width);
            for (int c = 0; c < width; c++) {
                values[stored + c] = row.getDouble(c + 1);
            }
            stored += width;
            endRow();
        }

        private void startRow(double label) {
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, 2 * rows);
                rowStart = Arrays.copyOf(rowStart, 2 * rows + 1);
            }
            labels[rows] = label;
        }

        private void endRow() {
            rows++;
            rowStart[rows] = stored;
        }

        /** Stores one CSR entry; zeros are left out. */
        private void store(int index, double value) {
            if (value == 0.0) {
                return;
            }
            ensure(1);
            indices[stored] = index;
            values[stored] = value;
            stored++;
        }

        private void ensure(int more) {
            if (stored + more > values.length) {
                int grown = Math.max(stored + more, 2 * values.length);
                values = Arrays.copyOf(values, grown);
                if (indices != null) {
                    indices = Arrays.copyOf(indices, grown);
                }
            }
        }

        LabeledData build() {
            double[] blockLabels = Arrays.copyOf(labels, rows);
            if (sparse) {
                return new LabeledData(new SparseFeatures(Arrays.copyOf(rowStart, rows + 1),
                        Arrays.copyOf(indices, stored), Arrays.copyOf(values, stored), width), blockLabels);
            }
            return new LabeledData(new DenseFeatures(Arrays.copyOf(values, stored), rows, width), blockLabels);
        }
    }
}
