package org.sparkhpo.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.LinkedHashMap;
import org.apache.spark.serializer.KryoRegistrator;
import org.sparkhpo.data.DenseFeatures;
import org.sparkhpo.data.FloatDenseFeatures;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.SparseFeatures;
import org.sparkhpo.data.Standardizer;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialState;

/**
 * Registers with Spark's Kryo everything the job broadcasts or returns from tasks. The broadcast data gets
 * serializers that write its primitive arrays as raw blocks (so the broadcast copy is the size of the
 * arrays); the small records that travel per trial use Java serialization inside Kryo, since Kryo 4 cannot
 * set a record's final fields.
 */
public final class HpoKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(DenseFeatures.class, new FeatureSerializers.Dense());
        kryo.register(FloatDenseFeatures.class, new FeatureSerializers.FloatDense());
        kryo.register(SparseFeatures.class, new FeatureSerializers.Sparse());
        kryo.register(LabeledData.class, new FeatureSerializers.Labeled());
        kryo.register(Standardizer.class, new FeatureSerializers.Standardization());
        kryo.register(PreparedData.class, new FeatureSerializers.Prepared());
        kryo.register(Trial.class, new JavaSerializer());
        kryo.register(SparkTrialEvaluator.PackTask.class, new JavaSerializer());
        kryo.register(TrialResult.class, new JavaSerializer());
        kryo.register(TrialState.class);
        kryo.register(Configuration.class, new JavaSerializer());
        kryo.register(TrialResult[].class);
        kryo.register(double[].class);
        kryo.register(int[].class);
        kryo.register(LinkedHashMap.class);
    }
}
