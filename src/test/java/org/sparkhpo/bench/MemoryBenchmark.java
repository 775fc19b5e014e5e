package org.sparkhpo.bench;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializationStream;
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

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }

    public static void main(String[] args) {
        JobSettings settings = SettingsLoader.load(args[0], List.of(args).subList(1, args.length));
        PreparedData all = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        PreparedData broadcast = new PreparedData(all.train(), all.validation(), null, all.task(), all.numClasses(),
                all.standardizer());
        all = null;
        SparkConf conf = SparkSessions.configure(new SparkConf(), new SparkSettings("local[1]", "memory", "WARN",
                SparkSettings.AUTO_PACK_SIZE));
        CountingStream counter = new CountingStream();
        // A stream, as TorrentBroadcast writes it (serialize() to one buffer stops at spark.kryoserializer.buffer.max).
        SerializationStream stream = new KryoSerializer(conf).newInstance().serializeStream(counter);
        stream.writeObject(broadcast, ClassTag$.MODULE$.apply(PreparedData.class));
        stream.close();
        long serialized = counter.bytes;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heapMb = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        double rawMb = broadcast.sizeInBytes() / 1e6;
        System.out.printf(Locale.ROOT, "memory %s %.1f %.1f %.3f %.1f%n", settings.data().precision(), rawMb,
                serialized / 1e6, serialized / 1e6 / rawMb, heapMb);
    }
}
