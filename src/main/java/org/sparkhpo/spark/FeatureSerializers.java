package org.sparkhpo.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.Features;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.data.Standardizer;
import org.sparkhpo.data.TargetScaling;
import org.sparkhpo.data.Task;

/** Kryo serializers for the broadcast data: lengths, then the primitive arrays as raw blocks. */
final class FeatureSerializers {
    private FeatureSerializers() {
    }

    /** Dense features: rows, columns, then rows * columns doubles. */
    static final class Dense extends Serializer<DenseFeatures> {
        @Override
        public void write(Kryo kryo, Output output, DenseFeatures features) {
            output.writeInt(features.rows());
            output.writeInt(features.columns());
            output.writeDoubles(features.values());
        }

        @Override
        public DenseFeatures read(Kryo kryo, Input input, Class<DenseFeatures> type) {
            int rows = input.readInt();
            int columns = input.readInt();
            return new DenseFeatures(input.readDoubles(rows * columns), rows, columns);
        }
    }

    /** Single-precision dense features: rows, columns, then rows * columns floats. */
    static final class FloatDense extends Serializer<FloatDenseFeatures> {
        @Override
        public void write(Kryo kryo, Output output, FloatDenseFeatures features) {
            output.writeInt(features.rows());
            output.writeInt(features.columns());
            output.writeFloats(features.values());
        }

        @Override
        public FloatDenseFeatures read(Kryo kryo, Input input, Class<FloatDenseFeatures> type) {
            int rows = input.readInt();
            int columns = input.readInt();
            return new FloatDenseFeatures(input.readFloats(rows * columns), rows, columns);
        }
    }

    /** CSR features: columns, rows, non-zeros, then the three arrays. */
    static final class Sparse extends Serializer<SparseFeatures> {
        @Override
        public void write(Kryo kryo, Output output, SparseFeatures features) {
            output.writeInt(features.columns());
            output.writeInt(features.rows());
            output.writeInt(features.values().length);
            output.writeInts(features.rowStart());
            output.writeInts(features.columnIndices());
            output.writeDoubles(features.values());
        }

        @Override
        public SparseFeatures read(Kryo kryo, Input input, Class<SparseFeatures> type) {
            int columns = input.readInt();
            int rows = input.readInt();
            int nonZeros = input.readInt();
            int[] rowStart = input.readInts(rows + 1);
            int[] columnIndices = input.readInts(nonZeros);
            return new SparseFeatures(rowStart, columnIndices, input.readDoubles(nonZeros), columns);
        }
    }

    /** Labeled data: the features (with their class), then the labels. */
    static final class Labeled extends Serializer<LabeledData> {
        @Override
        public void write(Kryo kryo, Output output, LabeledData data) {
            kryo.writeClassAndObject(output, data.features());
            output.writeInt(data.labels().length);
            output.writeDoubles(data.labels());
        }

        @Override
        public LabeledData read(Kryo kryo, Input input, Class<LabeledData> type) {
            Features features = (Features) kryo.readClassAndObject(input);
            return new LabeledData(features, input.readDoubles(input.readInt()));
        }
    }

    /** Standardizer: feature count, means, scales. */
    static final class Standardization extends Serializer<Standardizer> {
        @Override
        public void write(Kryo kryo, Output output, Standardizer standardizer) {
            output.writeInt(standardizer.mean().length);
            output.writeDoubles(standardizer.mean());
            output.writeDoubles(standardizer.scale());
        }

        @Override
        public Standardizer read(Kryo kryo, Input input, Class<Standardizer> type) {
            int d = input.readInt();
            return new Standardizer(input.readDoubles(d), input.readDoubles(d));
        }
    }

    /**
     * Prepared data: the three parts (test, standardizer and target scaling nullable), task, number of classes,
     * then the other cross-validation folds, each written the same way.
     */
    static final class Prepared extends Serializer<PreparedData> {
        @Override
        public void write(Kryo kryo, Output output, PreparedData data) {
            kryo.writeObject(output, data.train());
            kryo.writeObject(output, data.validation());
            kryo.writeObjectOrNull(output, data.test(), LabeledData.class);
            output.writeInt(data.task().ordinal());
            output.writeInt(data.numClasses());
            kryo.writeObjectOrNull(output, data.standardizer(), Standardizer.class);
            output.writeBoolean(data.targetScaling() != null);
            if (data.targetScaling() != null) {
                output.writeDouble(data.targetScaling().mean());
                output.writeDouble(data.targetScaling().scale());
            }
            output.writeInt(data.otherFolds().size());
            for (PreparedData fold : data.otherFolds()) {
                write(kryo, output, fold);
            }
        }

        @Override
        public PreparedData read(Kryo kryo, Input input, Class<PreparedData> type) {
            LabeledData train = kryo.readObject(input, LabeledData.class);
            LabeledData validation = kryo.readObject(input, LabeledData.class);
            LabeledData test = kryo.readObjectOrNull(input, LabeledData.class);
            Task task = Task.values()[input.readInt()];
            int numClasses = input.readInt();
            Standardizer standardizer = kryo.readObjectOrNull(input, Standardizer.class);
            TargetScaling target = input.readBoolean() ? new TargetScaling(input.readDouble(), input.readDouble())
                    : null;
            List<PreparedData> otherFolds = new ArrayList<>();
            for (int f = input.readInt(); f > 0; f--) {
                otherFolds.add(read(kryo, input, type));
            }
            return new PreparedData(train, validation, test, task, numClasses, standardizer, target, otherFolds);
        }
    }
}
