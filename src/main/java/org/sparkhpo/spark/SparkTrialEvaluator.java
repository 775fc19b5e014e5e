package org.sparkhpo.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.report.HadoopCheckpointStore;
import org.sparkhpo.trial.CheckpointStore;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
import org.sparkhpo.trial.TrialPacks;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Evaluates a round as one Spark job per distinct {@code threads} value among its trials (one job for the
 * usual round of 1-thread trials): the trials are grouped into packs ({@link TrialPacks}: trials with the
 * same batch size and threads, at most {@code packSize} each, by default one pack per task slot, a T-thread
 * task counting as T slots), the packs become an RDD with one pack per partition whose tasks hold T cores
 * each ({@link TaskSlots}: a stage-level task profile, or {@code spark.task.cpus} in local mode), each task
 * trains its pack over the data shared once per job ({@link SharedData}: a broadcast, or in local mode the
 * driver's own object; one GEMM per mini-batch for the whole pack,
 * {@code Objective.runPack}), and each result reaches the driver as soon as its task ends
 * ({@code SparkContext.submitJob} with a result handler that queues it for the calling thread), so the
 * journal records it at once rather than when the slowest pack of the round ends; a pack's results arrive
 * together and are handed over in one list (with those of any other pack that ended meanwhile), which the
 * journal writes at once. The jobs carry a description that names the round, so they read well in the
 * Spark UI. A round with fewer packs than task slots may lend the idle cores to its packs
 * ({@link #lendIdleCores}): each pack then trains on more threads ({@code train.WorkerTeam}), so the last
 * rungs of Hyperband or a model-based search's small rounds do not leave cores idle.
 *
 * <p>Lifecycle: driver-only, one per run; owns the shared data and releases it in {@link #close()}.
 * A trial's own failure is a FAILED result from {@link TrialRunner}, so tasks do not throw for it and Spark
 * does not retry it; a task lost with its executor is retried by Spark and still yields one result.
 */
public final class SparkTrialEvaluator implements TrialEvaluator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.sparkhpo.progress");
    private static final long POLL_MILLIS = 200;
    private final JavaSparkContext context;
    private final SharedData data;
    private final Objective runner;
    private final String strategyName;
    private final String checkpointDirectory;
    private final int packSize;
    private final TaskSlots slots;
    private boolean lendIdleCores;

    /**
     * @param context the Spark context
     * @param data the prepared data; shared here, once ({@link SharedData})
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param strategyName the strategy's name, for job descriptions
     */
    public SparkTrialEvaluator(JavaSparkContext context, PreparedData data, Objective runner, String strategyName) {
        this(context, data, runner, strategyName, null);
    }

    /**
     * @param context the Spark context
     * @param data the prepared data; shared here, once ({@link SharedData})
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param strategyName the strategy's name, for job descriptions
     * @param checkpointDirectory the fully qualified URI of the directory where rung evaluations write and read
     *     checkpoints ({@link HadoopCheckpointStore}, built inside each task with a Hadoop configuration made
     *     on the executor), or null when no trial needs one
     */
    public SparkTrialEvaluator(JavaSparkContext context, PreparedData data, Objective runner, String strategyName,
                               String checkpointDirectory) {
        this(context, data, runner, strategyName, checkpointDirectory, 1);
    }

    /**
     * @param context the Spark context
     * @param data the prepared data; shared here, once ({@link SharedData})
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param strategyName the strategy's name, for job descriptions
     * @param checkpointDirectory where rung evaluations keep checkpoints, or null when no trial needs one
     * @param packSize the most trials per task ({@code hpo.spark.pack-size}): 1 for one trial per task, 0 for
     *     auto (ceil(round size / task slots))
     */
    public SparkTrialEvaluator(JavaSparkContext context, PreparedData data, Objective runner, String strategyName,
                               String checkpointDirectory, int packSize) {
        this.context = context;
        this.packSize = packSize;
        this.data = SharedData.of(context, data);
        this.runner = runner;
        this.strategyName = strategyName;
        this.checkpointDirectory = checkpointDirectory;
        this.slots = TaskSlots.of(context);
    }

    /**
     * Refuses, before the first round, a search space that tunes {@code threads} on a master without stage-level
     * scheduling ({@link TaskSlots}: local mode has one {@code spark.task.cpus} for every task).
     *
     * @param threadsTuned whether the search space has a {@code threads} parameter
     * @throws InvalidInputException naming {@code hpo.search.space} on a local master
     */
    public void checkTunableThreads(boolean threadsTuned) {
        if (threadsTuned && TaskSlots.isLocal(context.master())) {
            throw InvalidInputException.forKey("hpo.search.space", "threads", "is tunable only"
                    + " on a master with stage-level scheduling (spark://, local-cluster, yarn, k8s), not on "
                    + context.master() + ": in local mode set hpo.training.threads instead");
        }
    }

    /**
     * Lends a round's idle cores to its packs ({@code hpo.spark.idle-cores = lend}): when the round has fewer
     * packs than task slots, each pack trains on {@link TaskSlots#lentThreads} threads instead of its trials'
     * own. Off by default; never for a round whose trials differ in threads (a tuned {@code threads}).
     *
     * @param lend whether to lend them
     */
    public void lendIdleCores(boolean lend) {
        this.lendIdleCores = lend;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<List<TrialResult>> onResults) {
        if (trials.isEmpty()) {
            return;
        }
        context.setJobGroup("spark-hpo-round-" + round, "spark-hpo " + strategyName + " round " + round + ": "
                + trials.size() + " trials (ids " + trials.get(0).id() + "-" + trials.get(trials.size() - 1).id()
                + ")", true);
        try {
            long start = System.nanoTime();
            BlockingQueue<List<TrialResult>> finished = new LinkedBlockingQueue<>();
            List<SimpleFutureAction<BoxedUnit>> jobs = new ArrayList<>();
            int packCount = 0;
            Map<Integer, List<Trial>> groups = byThreads(trials);
            groups.keySet().forEach(slots::check);
            int trainedOn = 0;
            for (Map.Entry<Integer, List<Trial>> group : groups.entrySet()) {
                int threads = group.getKey();
                int cores = context.defaultParallelism();
                List<List<Trial>> packs = TrialPacks.group(group.getValue(), runner, packSize,
                        TaskSlots.slots(threads, cores));
                int lent = lendIdleCores && groups.size() == 1 ? slots.lentThreads(threads, packs.size(), cores)
                        : threads;
                List<PackTask> tasks = packs.stream().map(pack -> new PackTask(pack, lent)).toList();
                JavaRDD<PackTask> rdd = slots.holdLent(context.parallelize(tasks, tasks.size()), threads, lent);
                jobs.add(context.sc().submitJob(rdd.rdd(), new RunPartition(runner, data, checkpointDirectory),
                        allPartitions(packs.size()), new Handler(finished), new Done()));
                packCount += packs.size();
                trainedOn = Math.max(trainedOn, lent);
            }
            double busy = deliver(trials.size(), finished, jobs, onResults);
            logRound(round, trials.size(), packCount, trainedOn, (System.nanoTime() - start) / 1e9, busy);
        } finally {
            context.clearJobGroup();
        }
    }

    /**
     * Groups a round's trials by the threads they train on: one stage (and one job) per value, so that each
     * stage's tasks hold that many slots ({@link TaskSlots}) and trials of different threads never share a pack.
     */
    private Map<Integer, List<Trial>> byThreads(List<Trial> trials) {
        Map<Integer, List<Trial>> groups = new TreeMap<>();
        for (Trial trial : trials) {
            groups.computeIfAbsent(runner.threads(trial), t -> new ArrayList<>()).add(trial);
        }
        return groups;
    }

    /**
     * Logs the round's wall time against its trials' training time spread over the task slots; the
     * difference bounds the round's scheduling overhead from above (it also holds uneven packing).
     */
    private void logRound(int round, int trials, int packs, int threads, double wallSeconds, double trialSeconds) {
        int slots = Math.max(1, Math.min(packs, context.defaultParallelism()));
        LOG.info(String.format(Locale.ROOT, "round %d: %d trials in %d packs in %.2fs wall, %.2fs of training on"
                + " %d slots%s (overhead at most %.2fs)", round, trials, packs, wallSeconds, trialSeconds, slots,
                threads > 1 ? " of " + threads + " threads" : "", Math.max(0.0, wallSeconds - trialSeconds / slots)));
    }

    /**
     * Hands results to {@code onResults} on this thread as tasks end, a task's results (its pack's) together with
     * those of every other task that ended meanwhile; rethrows a failure of the job itself.
     *
     * @return the sum of the packs' training seconds (a packed trial's seconds over its pack size)
     */
    private static double deliver(int expected, BlockingQueue<List<TrialResult>> finished,
                                  List<SimpleFutureAction<BoxedUnit>> jobs, Consumer<List<TrialResult>> onResults) {
        int delivered = 0;
        double busy = 0.0;
        try {
            while (delivered < expected) {
                List<TrialResult> first = finished.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<TrialResult> known = new ArrayList<>(first);
                    List<List<TrialResult>> more = new ArrayList<>();
                    finished.drainTo(more);
                    more.forEach(known::addAll);
                    onResults.accept(known);
                    delivered += known.size();
                    for (TrialResult result : known) {
                        double seconds = result.metric(MetricKeys.TRAIN_SECONDS);
                        double packed = result.metric(MetricKeys.PACK_SIZE);
                        busy += Double.isNaN(seconds) ? 0.0 : seconds / (Double.isNaN(packed) ? 1.0 : packed);
                    }
                } else if (jobs.stream().allMatch(SimpleFutureAction::isCompleted) && finished.isEmpty()) {
                    for (SimpleFutureAction<BoxedUnit> job : jobs) {
                        job.value().get().get();
                    }
                    throw new IllegalStateException("Spark job ended with " + delivered + " of " + expected
                            + " trial results");
                }
            }
        } catch (InterruptedException e) {
            jobs.forEach(SimpleFutureAction::cancel);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for trial results", e);
        }
        return busy;
    }

    private static Seq<Object> allPartitions(int count) {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            partitions.add(i);
        }
        return CollectionConverters.asScala(partitions).toSeq();
    }

    /** @return how the tasks read the data (for tests) */
    SharedData sharedData() {
        return data;
    }

    @Override
    public void close() {
        data.close();
    }

    /**
     * A task's work: one pack of trials and the threads it trains on.
     *
     * @param trials the pack's trials
     * @param threads the threads (the trials' own, or more when the round lends idle cores)
     */
    record PackTask(List<Trial> trials, int threads) implements Serializable {
    }

    /** The task body: trains the partition's single pack over the shared data. */
    private static final class RunPartition extends AbstractFunction1<Iterator<PackTask>, List<TrialResult>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Objective runner;
        private final SharedData data;
        private final String checkpointDirectory;

        RunPartition(Objective runner, SharedData data, String checkpointDirectory) {
            this.runner = runner;
            this.data = data;
            this.checkpointDirectory = checkpointDirectory;
        }

        @Override
        public List<TrialResult> apply(Iterator<PackTask> packs) {
            PackTask pack = packs.next();
            if (packs.hasNext()) {
                throw new IllegalStateException("a partition must hold exactly one pack");
            }
            CheckpointStore store = checkpointDirectory == null ? null
                    : new HadoopCheckpointStore(checkpointDirectory, ExecutorHadoopConfiguration.create());
            return new ArrayList<>(runner.runPack(pack.trials(), data.value(), store, pack.threads()));
        }
    }

    /** Runs in Spark's scheduler thread as each task ends: only queues the pack's results. */
    private static final class Handler extends AbstractFunction2<Object, List<TrialResult>, BoxedUnit> {
        private final BlockingQueue<List<TrialResult>> finished;

        Handler(BlockingQueue<List<TrialResult>> finished) {
            this.finished = finished;
        }

        @Override
        public BoxedUnit apply(Object partition, List<TrialResult> results) {
            finished.add(results);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall value: nothing, results travel through the handler. */
    private static final class Done extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
