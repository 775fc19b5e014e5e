package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.common.TrialSeeds;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.train.GeneratedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.LossType;
import org.sparkhpo.train.Metric;
import org.sparkhpo.train.StoppingRules;
import org.sparkhpo.trial.LocalTrialEvaluator;
import org.sparkhpo.trial.Trial;
import org.sparkhpo.trial.TrialResult;
import org.sparkhpo.trial.TrialRunner;
import org.sparkhpo.trial.TrialState;

@ExtendWith(LocalSparkExtension.class)
class SparkTrialEvaluatorTest {
    private static final PreparedData DATA = GeneratedData.preparedClusters(600, 200, 6, 3, 7);
    private static final TrialRunner RUNNER = new TrialRunner(LossType.SOFTMAX, Metric.ACCURACY,
            new StoppingRules(2, 1e-4, 1000),
            new HyperParameters(0.05, 0.9, false, 32, 5, 1e-4, 0, "constant", 0.5, 5), 19L);

    private static List<Trial> trials() {
        List<Trial> trials = new ArrayList<>();
        double[] rates = {0.001, 0.01, 0.1, 0.5};
        for (int id = 0; id < rates.length; id++) {
            Configuration configuration = Configuration.empty().with("learning-rate", rates[id]);
            trials.add(new Trial(id, 0, configuration, TrialSeeds.of(42, id), "grid"));
        }
        // Momentum 1.5 breaks a rule inside the task: this trial must fail alone.
        trials.add(new Trial(4, 0, Configuration.empty().with("momentum", 1.5), TrialSeeds.of(42, 4), "grid"));
        return trials;
    }

    private static List<TrialResult> collect(org.sparkhpo.trial.TrialEvaluator evaluator) {
        List<TrialResult> results = new ArrayList<>();
        evaluator.evaluate(0, trials(), results::addAll);
        results.sort(Comparator.comparingInt(TrialResult::id));
        return results;
    }

    @Test
    void sparkGivesTheSameResultsAsAPlainLoop(JavaSparkContext context) {
        List<TrialResult> expected = collect(new LocalTrialEvaluator(RUNNER, DATA));
        List<TrialResult> actual;
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            actual = collect(evaluator);
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            TrialResult e = expected.get(i);
            TrialResult a = actual.get(i);
            assertEquals(e.state(), a.state(), "trial " + i);
            assertEquals(e.configuration(), a.configuration());
            assertEquals(e.metric("val_accuracy"), a.metric("val_accuracy"), 0.0, "trial " + i);
            assertEquals(e.metric("epochs"), a.metric("epochs"), 0.0);
            assertEquals(e.metric("train_loss"), a.metric("train_loss"), 0.0);
        }
    }

    /**
     * Packed (pack size auto on 2 slots: the four valid trials in two packs of two, the invalid one alone, and
     * a pack of four): every trial's metrics equal the plain loop's, one trial at a time, to 1e-9.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void packedTrialsGiveTheResultsOfTrialsTrainedAlone(int packSize, JavaSparkContext context) {
        List<TrialResult> expected = collect(new LocalTrialEvaluator(RUNNER, DATA));
        List<TrialResult> actual;
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid", null, packSize)) {
            actual = collect(evaluator);
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            TrialResult e = expected.get(i);
            TrialResult a = actual.get(i);
            assertEquals(e.state(), a.state(), "trial " + i);
            assertEquals(e.metric("val_accuracy"), a.metric("val_accuracy"), 1e-9, "trial " + i);
            assertEquals(e.metric("epochs"), a.metric("epochs"), 0.0, "trial " + i);
            assertEquals(e.metric("train_loss"), a.metric("train_loss"), 1e-9, "trial " + i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(packSize == 0 ? 2.0 : 4.0, actual.get(i).metric("pack_size"), "trial " + i);
        }
        assertEquals(TrialState.FAILED, actual.get(4).state(), "the invalid trial fails alone");
    }

    /**
     * A round of one trial on local[2] lends it the idle slot's core: it trains on two threads (recorded in its
     * {@code threads} metric) to the result of one thread up to the order of the gradient's sums; a round of two
     * trials has a pack per slot and lends nothing; with lending off, one thread.
     */
    @Test
    void aRoundWithFewerPacksThanSlotsLendsItsIdleCores(JavaSparkContext context) {
        List<Trial> one = List.of(trials().get(2));
        List<Trial> two = trials().subList(1, 3);
        TrialResult expected = evaluate(new LocalTrialEvaluator(RUNNER, DATA), one).get(0);
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            assertEquals(1.0, evaluate(evaluator, one).get(0).metric("threads"), "lending is off by default");
            evaluator.lendIdleCores(true);
            TrialResult lent = evaluate(evaluator, one).get(0);
            assertEquals(2.0, lent.metric("threads"));
            assertEquals(TrialState.COMPLETE, lent.state());
            assertEquals(expected.metric("val_accuracy"), lent.metric("val_accuracy"), 1e-9);
            assertEquals(expected.metric("train_loss"), lent.metric("train_loss"), 1e-9);
            assertNotEquals(expected.metric("train_loss"), lent.metric("train_loss"),
                    "two threads sum the gradient in another order: it did train on two");
            for (TrialResult result : evaluate(evaluator, two)) {
                assertEquals(1.0, result.metric("threads"), "trial " + result.id());
            }
        }
    }

    /** A pack's results reach the caller in one list (the journal writes them at once), none twice. */
    @Test
    void aPacksResultsAreHandedOverTogether(JavaSparkContext context) {
        List<List<Integer>> batches = new ArrayList<>();
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid", null, 4)) {
            evaluator.evaluate(0, trials(), known -> batches.add(known.stream().map(TrialResult::id).toList()));
        }
        List<Integer> pack = batches.stream().filter(batch -> batch.contains(0)).findFirst().orElseThrow();
        assertTrue(pack.containsAll(List.of(0, 1, 2, 3)), "the pack of four in one list: " + batches);
        assertEquals(List.of(0, 1, 2, 3, 4), batches.stream().flatMap(List::stream).sorted().toList());
    }

    private static List<TrialResult> evaluate(org.sparkhpo.trial.TrialEvaluator evaluator, List<Trial> trials) {
        List<TrialResult> results = new ArrayList<>();
        evaluator.evaluate(0, trials, results::addAll);
        results.sort(Comparator.comparingInt(TrialResult::id));
        return results;
    }

    @Test
    void aTrialThatThrowsIsAFailedResultAndTheRoundGoesOn(JavaSparkContext context) {
        List<TrialResult> results;
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            results = collect(evaluator);
        }
        assertEquals(5, results.size());
        TrialResult failed = results.get(4);
        assertEquals(TrialState.FAILED, failed.state());
        assertNotNull(failed.error());
        assertTrue(failed.error().contains("momentum"), failed.error());
        assertEquals(4, results.stream().filter(r -> r.state() == TrialState.COMPLETE).count());
        assertTrue(results.get(2).metric("val_accuracy") > 0.9, "well-separated clusters are learnt");
    }

    /**
     * Local mode has no stage-level scheduling: a trial on 2 threads, when {@code spark.task.cpus} is 1, cannot
     * hold 2 slots and the round is refused naming the key and the Spark setting; so is a space that tunes threads.
     */
    @Test
    void localModeRefusesTrialsWhoseThreadsDifferFromTaskCpus(JavaSparkContext context) {
        List<Trial> twoThreads = List.of(new Trial(0, 0, Configuration.empty().with("threads", 2),
                TrialSeeds.of(42, 0), "grid"));
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> evaluator.evaluate(0, twoThreads, result -> { }));
            assertTrue(e.getMessage().startsWith("threads: 2 differs from spark.task.cpus = 1"), e.getMessage());
            InvalidInputException tuned = assertThrows(InvalidInputException.class,
                    () -> evaluator.checkTunableThreads(true));
            assertTrue(tuned.getMessage().startsWith("hpo.search.space: 'threads' is tunable only"),
                    tuned.getMessage());
            evaluator.checkTunableThreads(false);
        }
    }

    @Test
    void aTrialRecordsTheThreadsItTrainedOn(JavaSparkContext context) {
        List<TrialResult> results = new ArrayList<>();
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            evaluator.evaluate(0, trials().subList(0, 2), results::addAll);
        }
        assertEquals(2, results.size());
        results.forEach(r -> assertEquals(1.0, r.metric("threads"), "trial " + r.id()));
    }

    /**
     * A tunable precision in one round over double data: float and double trials land in different packs; the
     * double trial is the as-stored one exactly, the float trial (sgemm on the executor's float copy) is close to
     * it but not the same numbers, and equals a run on data stored in float.
     */
    @Test
    void floatAndDoubleTrialsTrainInOneRound(JavaSparkContext context) {
        List<Trial> round = new ArrayList<>();
        String[] precisions = {"float", "double", null};
        for (int id = 0; id < precisions.length; id++) {
            Configuration configuration = Configuration.empty().with("learning-rate", 0.05);
            if (precisions[id] != null) {
                configuration = configuration.with("precision", precisions[id]);
            }
            round.add(new Trial(id, 0, configuration, TrialSeeds.of(42, id), "grid"));
        }
        assertNotEquals(RUNNER.packKey(round.get(0)), RUNNER.packKey(round.get(1)));
        List<TrialResult> results = new ArrayList<>();
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            evaluator.evaluate(0, round, results::addAll);
        }
        results.sort(Comparator.comparingInt(TrialResult::id));
        results.forEach(r -> assertEquals(TrialState.COMPLETE, r.state(), r.id() + ": " + r.error()));
        TrialResult single = results.get(0);
        TrialResult dbl = results.get(1);
        TrialResult stored = results.get(2);
        assertEquals(stored.metric("train_loss"), dbl.metric("train_loss"), 0.0, "double = as stored (double)");
        assertNotEquals(dbl.metric("train_loss"), single.metric("train_loss"), "float products differ");
        assertEquals(dbl.metric("train_loss"), single.metric("train_loss"), 1e-4 * dbl.metric("train_loss"));
        TrialResult storedFloat = RUNNER.run(new Trial(0, 0, Configuration.empty().with("learning-rate", 0.05),
                TrialSeeds.of(42, 0), "grid"), DATA.inSinglePrecision());
        assertEquals(storedFloat.metric("train_loss"), single.metric("train_loss"), 1e-12,
                "a float trial trains as on float storage");
    }

    @Test
    void aDoubleTrialOnFloatStorageFailsNamingTheSetting() {
        TrialResult result = RUNNER.run(new Trial(0, 0, Configuration.empty().with("precision", "double"),
                TrialSeeds.of(42, 0), "grid"), DATA.inSinglePrecision());
        assertEquals(TrialState.FAILED, result.state());
        assertTrue(result.error().contains("hpo.data.precision = double"), result.error());
    }

    @Test
    void theBroadcastCopyIsAboutTheSizeOfTheArrays(JavaSparkContext context) {
        byte[] bytes = new org.apache.spark.serializer.KryoSerializer(context.getConf()).newInstance()
                .serialize(DATA, scala.reflect.ClassTag$.MODULE$.apply(PreparedData.class)).array();
        long raw = DATA.sizeInBytes();
        assertTrue(bytes.length <= 1.2 * raw && bytes.length >= raw, bytes.length + " bytes for " + raw);
    }

    @Test
    void inLocalModeTheTasksReadTheDriversOwnDataUntilTheRunEnds(JavaSparkContext context) {
        SharedData shared;
        try (SparkTrialEvaluator evaluator = new SparkTrialEvaluator(context, DATA, RUNNER, "grid")) {
            shared = evaluator.sharedData();
            assertInstanceOf(SharedData.InDriverJvm.class, shared, "no broadcast in local mode");
            assertSame(DATA, shared.value(), "the driver's object, not a copy");
            SharedData roundTripped = org.apache.spark.util.Utils.deserialize(
                    org.apache.spark.util.Utils.serialize(shared), getClass().getClassLoader());
            assertSame(DATA, roundTripped.value(), "a task's deserialized handle finds the same object");
        }
        assertThrows(IllegalStateException.class, shared::value, "released when the run ends");
    }

    @Test
    void crossValidationFoldsTravelInTheBroadcastWithTheirOwnTransforms(JavaSparkContext context) {
        PreparedData other = new PreparedData(DATA.validation(), DATA.train(), null, DATA.task(), DATA.numClasses(),
                new org.sparkhpo.data.Standardizer(new double[] {1, 2}, new double[] {3, 4}), null);
        PreparedData folded = new PreparedData(DATA.train(), DATA.validation(), null, DATA.task(), DATA.numClasses(),
                null, null, List.of(other, other));
        org.apache.spark.serializer.SerializerInstance kryo =
                new org.apache.spark.serializer.KryoSerializer(context.getConf()).newInstance();
        scala.reflect.ClassTag<PreparedData> tag = scala.reflect.ClassTag$.MODULE$.apply(PreparedData.class);

        PreparedData back = kryo.deserialize(kryo.serialize(folded, tag), tag);

        assertEquals(3, back.foldCount());
        PreparedData second = back.folds().get(1);
        assertEquals(DATA.validation().rows(), second.train().rows());
        assertEquals(DATA.train().rows(), second.validation().rows());
        assertTrue(java.util.Arrays.equals(new double[] {3, 4}, second.standardizerUsed().orElseThrow().scale()));
        assertTrue(java.util.Arrays.equals(DATA.train().labels(), back.train().labels()));
    }
}
