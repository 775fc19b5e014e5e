package org.sparkhpo.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.report.HadoopCheckpointStore;
import org.sparkhpo.trial.CheckpointStore;
import org.sparkhpo.trial.MetricKeys;
import org.sparkhpo.trial.Objective;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialEvaluator;
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
 * Evaluates a round as one Spark job: the trials become an RDD with one trial per partition, each task
 * trains its trial over the data broadcast once per job, and each result reaches the driver as soon as its
 * task ends ({@code SparkContext.submitJob} with a result handler that queues it for the calling thread), so the journal records it at once rather
 * than when the slowest trial of the round ends. The job carries a description that names the round, so
 * it reads well in the Spark UI.
 *
 * <p>Lifecycle: driver-only, one per run; owns the broadcast and destroys it in {@link #close()}.
 * A trial's own failure is a FAILED result from {@link TrialRunner}, so tasks do not throw for it and Spark
 * does not retry it; a task lost with its executor is retried by Spark and still yields one result.
 */
public final class SparkTrialEvaluator implements TrialEvaluator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.sparkhpo.progress");
    private static final long POLL_MILLIS = 200;
    private final JavaSparkContext context;
    private final Broadcast<PreparedData> data;
    private final Objective runner;
    private final String strategyName;
    private final String checkpointDirectory;

    /**
     * @param context the Spark context
     * @param data the prepared data; broadcast here, once
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param strategyName the strategy's name, for job descriptions
     */
    public SparkTrialEvaluator(JavaSparkContext context, PreparedData data, Objective runner, String strategyName) {
        this(context, data, runner, strategyName, null);
    }

    /**
     * @param context the Spark context
     * @param data the prepared data; broadcast here, once
     * @param runner how a trial is evaluated (trained, or a known function)
     * @param strategyName the strategy's name, for job descriptions
     * @param checkpointDirectory the fully qualified URI of the directory where rung evaluations write and read
     *     checkpoints ({@link HadoopCheckpointStore}, built inside each task with a Hadoop configuration made
     *     on the executor), or null when no trial needs one
     */
    public SparkTrialEvaluator(JavaSparkContext context, PreparedData data, Objective runner, String strategyName,
                               String checkpointDirectory) {
        this.context = context;
        this.data = context.broadcast(data);
        this.runner = runner;
        this.strategyName = strategyName;
        this.checkpointDirectory = checkpointDirectory;
    }

    @Override
    public void evaluate(int round, List<Trial> trials, Consumer<TrialResult> onResult) {
        if (trials.isEmpty()) {
            return;
        }
        context.setJobGroup("spark-hpo-round-" + round, "spark-hpo " + strategyName + " round " + round + ": "
                + trials.size() + " trials (ids " + trials.get(0).id() + "-" + trials.get(trials.size() - 1).id()
                + ")", true);
        try {
            long start = System.nanoTime();
            JavaRDD<Trial> rdd = context.parallelize(trials, trials.size());
            BlockingQueue<TrialResult> finished = new LinkedBlockingQueue<>();
            SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(rdd.rdd(), new RunPartition(runner, data, checkpointDirectory),
                    allPartitions(trials.size()), new Handler(finished), new Done());
            double busy = deliver(trials.size(), finished, job, onResult);
            logRound(round, trials.size(), (System.nanoTime() - start) / 1e9, busy);
        } finally {
            context.clearJobGroup();
        }
    }

    /**
     * Logs the round's wall time against its trials' training time spread over the task slots; the
     * difference bounds the round's scheduling overhead from above (it also holds uneven packing).
     */
    private void logRound(int round, int trials, double wallSeconds, double trialSeconds) {
        int slots = Math.max(1, Math.min(trials, context.defaultParallelism()));
        LOG.info(String.format(Locale.ROOT, "round %d: %d trials in %.2fs wall, %.2fs of training on %d slots"
                + " (overhead at most %.2fs)", round, trials, wallSeconds, trialSeconds, slots,
                Math.max(0.0, wallSeconds - trialSeconds / slots)));
    }

    /**
     * Hands results to {@code onResult} on this thread as tasks end; rethrows a failure of the job itself.
     *
     * @return the sum of the trials' training seconds
     */
    private static double deliver(int expected, BlockingQueue<TrialResult> finished,
                                  SimpleFutureAction<BoxedUnit> job, Consumer<TrialResult> onResult) {
        int delivered = 0;
        double busy = 0.0;
        try {
            while (delivered < expected) {
                TrialResult result = finished.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (result != null) {
                    onResult.accept(result);
                    delivered++;
                    double seconds = result.metric(MetricKeys.TRAIN_SECONDS);
                    busy += Double.isNaN(seconds) ? 0.0 : seconds;
                } else if (job.isCompleted() && finished.isEmpty()) {
                    job.value().get().get();
                    throw new IllegalStateException("Spark job ended with " + delivered + " of " + expected
                            + " trial results");
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
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

    /** @return the broadcast handle (for tests and size reports) */
    public Broadcast<PreparedData> broadcast() {
        return data;
    }

    @Override
    public void close() {
        data.destroy();
    }

    /** The task body: trains the partition's single trial over the broadcast data. */
    private static final class RunPartition extends AbstractFunction1<Iterator<Trial>, TrialResult>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Objective runner;
        private final Broadcast<PreparedData> data;
        private final String checkpointDirectory;

        RunPartition(Objective runner, Broadcast<PreparedData> data, String checkpointDirectory) {
            this.runner = runner;
            this.data = data;
            this.checkpointDirectory = checkpointDirectory;
        }

        @Override
        public TrialResult apply(Iterator<Trial> trials) {
            Trial trial = trials.next();
            if (trials.hasNext()) {
                throw new IllegalStateException("a partition must hold exactly one trial");
            }
            CheckpointStore store = checkpointDirectory == null ? null
                    : new HadoopCheckpointStore(checkpointDirectory, ExecutorHadoopConfiguration.create());
            return runner.run(trial, data.value(), store);
        }
    }

    /** Runs in Spark's scheduler thread as each task ends: only queues the result. */
    private static final class Handler extends AbstractFunction2<Object, TrialResult, BoxedUnit> {
        private final BlockingQueue<TrialResult> finished;

        Handler(BlockingQueue<TrialResult> finished) {
            this.finished = finished;
        }

        @Override
        public BoxedUnit apply(Object partition, TrialResult result) {
            finished.add(result);
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
