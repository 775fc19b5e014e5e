package org.sparkhpo.bench;

import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.config.SparkSettings;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.spark.SparkSessions;
import scala.reflect.ClassTag$;

/**
 * Memory of the broadcast data: the bytes of the primitive arrays of the part a job broadcasts (train and
 * validation), the bytes Spark's Kryo serializer (with our registrator) writes for it, which is what a
 * broadcast ships and stores, and the heap this JVM uses holding it (after a full collection). Prints
 * {@code memory <precision> <raw MB> <serialized MB> <ratio> <heap used MB>}.
 *
 * <p>Usage: {@code MemoryBenchmark CONF [key=value ...]}.
 */
public final class MemoryBenchmark {
    private MemoryBenchmark() {
    }

    public static void main(String[] args) {
        JobSettings settings = SettingsLoader.load(args[0], List.of(args).subList(1, args.length));
        PreparedData all = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        PreparedData broadcast = new PreparedData(all.train(), all.validation(), null, all.task(), all.numClasses(),
                all.standardizer());
        all = null;
        SparkConf conf = SparkSessions.configure(new SparkConf(), new SparkSettings("local[1]", "memory", "WARN"));
        long serialized = new KryoSerializer(conf).newInstance()
                .serialize(broadcast, ClassTag$.MODULE$.apply(PreparedData.class)).limit();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heapMb = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        double rawMb = broadcast.sizeInBytes() / 1e6;
        System.out.printf(Locale.ROOT, "memory %s %.1f %.1f %.3f %.1f%n", settings.data().precision(), rawMb,
                serialized / 1e6, serialized / 1e6 / rawMb, heapMb);
    }
}
