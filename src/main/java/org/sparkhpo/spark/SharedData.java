package org.sparkhpo.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkhpo.data.PreparedData;

/**
 * The prepared data as the tasks of a run read it, shared once per run. On a cluster (and {@code local-cluster})
 * it is a Spark broadcast: sent once to each executor, however many rounds read it. In local mode ({@code local},
 * {@code local[N]}) the tasks run in the driver's JVM, so they read the driver's own object, found by a key in a
 * JVM-wide registry: Spark's TorrentBroadcast would still serialize and compress the value into 4 MB pieces for
 * executors that do not exist (for full Fashion-MNIST 188 MB more heap and 0.5-0.9 s of the driver's time before
 * the first round, which grows with the data; BENCHMARKS.md).
 *
 * <p>Serializable: a task's closure carries the handle (the broadcast, or the key). Close it when the run ends.
 */
public abstract sealed class SharedData implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    /**
     * @param context the run's context
     * @param data the prepared data
     * @return the data shared the cheapest way the context's master allows
     */
    public static SharedData of(JavaSparkContext context, PreparedData data) {
        return TaskSlots.isLocal(context.master()) ? new InDriverJvm(data) : new Broadcasted(context.broadcast(data));
    }

    /** @return the data (in a task or on the driver) */
    public abstract PreparedData value();

    /** Releases the data: destroys the broadcast, or drops the registry entry. */
    @Override
    public abstract void close();

    /** A Spark broadcast. */
    static final class Broadcasted extends SharedData {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PreparedData> broadcast;

        Broadcasted(Broadcast<PreparedData> broadcast) {
            this.broadcast = broadcast;
        }

        @Override
        public PreparedData value() {
            return broadcast.value();
        }

        @Override
        public void close() {
            broadcast.destroy();
        }
    }

    /** The driver's object, for tasks that run in the driver's JVM. */
    static final class InDriverJvm extends SharedData {
        private static final long serialVersionUID = 1L;
        private static final Map<String, PreparedData> REGISTRY = new ConcurrentHashMap<>();
        private final String key = UUID.randomUUID().toString();

        InDriverJvm(PreparedData data) {
            REGISTRY.put(key, data);
        }

        @Override
        public PreparedData value() {
            PreparedData data = REGISTRY.get(key);
            if (data == null) {
                throw new IllegalStateException("the run's data " + key + " is not in this JVM: in-JVM sharing is"
                        + " for local mode only, or the run has ended");
            }
            return data;
        }

        @Override
        public void close() {
            REGISTRY.remove(key);
        }
    }
}
