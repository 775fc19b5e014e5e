package org.sparkhpo.spark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.sparkhpo.common.InvalidInputException;

/**
 * Makes the Spark task that trains a trial on T threads hold T task slots (cores), so that T-thread trials do
 * not oversubscribe an executor's cores. Two mechanisms, chosen by the master:
 * <ul>
 *   <li><b>Stage-level scheduling</b> (standalone {@code spark://}, {@code local-cluster}, YARN, Kubernetes): the
 *   RDD of a round's T-thread packs gets a task-only {@link ResourceProfile} ({@link ResourceProfileBuilder} with
 *   {@link TaskResourceRequests#cpus}(T), which builds a {@code TaskResourceProfile}), one profile per T, made
 *   once. Since Spark 3.4 (SPARK-39853) such a profile needs no dynamic allocation: its tasks run on the
 *   executors of the default profile, each taking T of an executor's cores ({@code ResourceProfileManager
 *   .canBeScheduled}). {@code ResourceProfileManager.isSupported} refuses it with a SparkException on any other
 *   master, in particular {@code local[N]}. With dynamic allocation on, Spark may instead start executors for
 *   the profile. An executor with fewer than T cores can never run such a task: when
 *   {@code spark.executor.cores} is known (set, or YARN's default of 1) and below T, the run is refused.</li>
 *   <li><b>{@code spark.task.cpus}</b> ({@code local}, {@code local[N]}): one value for the whole application,
 *   set at start-up from {@code hpo.training.threads} ({@link SparkSessions}); trials whose threads differ
 *   from it are refused, since local mode has no per-stage profiles.</li>
 * </ul>
 * Refusals are {@link InvalidInputException}s (exit 2) naming {@code threads} and the Spark setting.
 *
 * <p>Lifecycle: driver-only, one per evaluator (it keeps the profiles it made); not thread-safe.
 */
final class TaskSlots {
    /**
     * The most threads a pack is lent. A mini-batch of 128 rows split over more threads gives each a sliver of a
     * product and a hand-off per step; two threads were measured here (a 2-core machine: 1.6x one thread), more
     * were not, so lending stops at four until a larger machine measures more.
     */
    static final int MAX_LENT_THREADS = 4;

    private final String master;
    private final int taskCpus;
    private final int executorCores;
    private final Map<Integer, ResourceProfile> profiles = new HashMap<>();

    /**
     * @param master the master URL
     * @param taskCpus {@code spark.task.cpus}
     * @param executorCores {@code spark.executor.cores}, or 0 when unknown
     */
    TaskSlots(String master, int taskCpus, int executorCores) {
        this.master = master;
        this.taskCpus = taskCpus;
        this.executorCores = executorCores;
    }

    /**
     * @param context the Spark context
     * @return the slot rules of its master and configuration
     */
    static TaskSlots of(JavaSparkContext context) {
        SparkConf conf = context.getConf();
        String master = context.master();
        int executorCores = conf.getInt("spark.executor.cores", master.equals("yarn") ? 1 : 0);
        return new TaskSlots(master, conf.getInt("spark.task.cpus", 1), executorCores);
    }

    /** @return true for {@code local} and {@code local[...]} (not {@code local-cluster}) */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * @param threads T, the threads of a group of trials
     * @throws InvalidInputException when this master cannot give a task T slots
     */
    void check(int threads) {
        if (threads == taskCpus) {
            return;
        }
        if (isLocal(master)) {
            throw InvalidInputException.forKey("threads", threads, String.format(Locale.ROOT, "differs from"
                    + " spark.task.cpus = %d, and master %s has no stage-level scheduling (a TaskResourceProfile"
                    + " needs spark://, local-cluster, yarn or k8s): in local mode set hpo.training.threads and do"
                    + " not tune threads", taskCpus, master));
        }
        if (executorCores > 0 && threads > executorCores) {
            throw InvalidInputException.forKey("threads", threads, "exceeds spark.executor.cores = " + executorCores
                    + ": no executor could run a task that holds " + threads + " cores");
        }
    }

    /**
     * @param rdd the RDD of a group of packs whose trials train on {@code threads} threads
     * @param threads T
     * @return {@code rdd}, with a task profile of T cpus when T differs from {@code spark.task.cpus}
     */
    <T> JavaRDD<T> hold(JavaRDD<T> rdd, int threads) {
        check(threads);
        if (threads == taskCpus) {
            return rdd;
        }
        ResourceProfile profile = profiles.computeIfAbsent(threads,
                t -> new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(t)).build());
        return rdd.withResources(profile);
    }

    /**
     * The threads each pack of a round trains on when idle cores are lent: T times floor(slots / packs) when the
     * round has fewer packs than T-thread task slots, else T; at most max(T, {@link #MAX_LENT_THREADS}). In local
     * mode the tasks still hold T slots each (there is no other job to take the idle ones: the driver runs one
     * round at a time); on a cluster the lent threads are held through a task profile ({@link #hold}), so only
     * when {@code spark.executor.cores} is known, and at most that many, since a task must fit one executor.
     *
     * @param threads T, the threads the round's trials are configured with
     * @param packs the round's packs
     * @param cores the cores of the application ({@code defaultParallelism})
     * @return the threads per pack, >= T
     */
    int lentThreads(int threads, int packs, int cores) {
        int spare = slots(threads, cores) / Math.max(1, packs);
        if (spare <= 1) {
            return threads;
        }
        int lent = Math.min(threads * spare, Math.max(threads, MAX_LENT_THREADS));
        if (isLocal(master)) {
            return lent;
        }
        return executorCores > 0 ? Math.max(threads, Math.min(lent, executorCores)) : threads;
    }

    /**
     * @param rdd the RDD of a round's packs whose trials are configured with {@code threads} threads and train on
     *     {@code lent} (>= threads) after {@link #lentThreads}
     * @param threads T
     * @param lent the threads they train on
     * @return {@code rdd}, holding T slots per task in local mode and {@code lent} on a cluster
     */
    <T> JavaRDD<T> holdLent(JavaRDD<T> rdd, int threads, int lent) {
        return hold(rdd, isLocal(master) ? threads : lent);
    }

    /**
     * @param threads T
     * @param cores the cores of the application ({@code defaultParallelism})
     * @return how many T-thread tasks run at once, >= 1
     */
    static int slots(int threads, int cores) {
        return Math.max(1, cores / Math.max(1, threads));
    }
}
