package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.PackMember;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.TrainingState;

/**
 * How much of two cores the training kernel itself can use, without Spark: the packs a local[1] and a local[2] job
 * train, run in this JVM on one thread and on two threads at once over the same (shared) training array, as the two
 * task threads of local[2] share the broadcast data. Every pack scores the validation part each epoch, as a trial
 * does; early stopping is off. Three measurements, best of three repetitions each, alternated:
 * <ul>
 *   <li>{@code one}: the grid's 8 configurations as one pack of 8 on one thread (local[1]'s search);</li>
 *   <li>{@code split}: two packs of 4 on two threads at once (local[2]'s search of the same grid);</li>
 *   <li>{@code same}: two packs of 8 (the 8 configurations twice) on two threads at once: the machine's two-core
 *       scaling at equal pack width;</li>
 *   <li>{@code wide}: the 8 configurations as one pack of 8 on two threads ({@code threads = 2}: rows and
 *       per-model work split across a {@code WorkerTeam}).</li>
 * </ul>
 * Prints {@code cores <one> <split> <same> <split/one> <same/one> <wide> <wide/one>} (rates in trial-epochs/s).
 *
 * <p>Usage: {@code CoreScaling CONF epochs [key=value ...]}.
 */
public final class CoreScaling {
    private CoreScaling() {
    }

    public static void main(String[] args) throws Exception {
        GridWorkload workload = GridWorkload.of(args);
        int epochs = Integer.parseInt(args[1]);
        PreparedData data = workload.data();
        List<HyperParameters> grid = workload.grid();
        Supplier<SgdTrainer> trainer = workload::trainer;
        long seed = workload.orderSeed();
        int half = grid.size() / 2;
        List<List<HyperParameters>> one = List.of(grid);
        List<List<HyperParameters>> split = List.of(grid.subList(0, half), grid.subList(half, grid.size()));
        List<List<HyperParameters>> same = List.of(grid, grid);
        List<List<HyperParameters>> wide = List.of(grid.stream().map(hp -> hp.withThreads(2)).toList());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            timePacks(trainer, data, one, epochs, seed, threads);
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (int rep = 0; rep < 3; rep++) {
                best[0] = Math.min(best[0], timePacks(trainer, data, one, epochs, seed, threads));
                best[1] = Math.min(best[1], timePacks(trainer, data, split, epochs, seed, threads));
                best[2] = Math.min(best[2], timePacks(trainer, data, same, epochs, seed, threads));
                best[3] = Math.min(best[3], timePacks(trainer, data, wide, epochs, seed, threads));
            }
            double oneRate = grid.size() * (double) epochs / best[0];
            double splitRate = grid.size() * (double) epochs / best[1];
            double sameRate = 2.0 * grid.size() * epochs / best[2];
            double wideRate = grid.size() * (double) epochs / best[3];
            System.out.printf(Locale.ROOT, "cores %.2f %.2f %.2f %.2f %.2f %.2f %.2f%n", oneRate, splitRate, sameRate,
                    splitRate / oneRate, sameRate / oneRate, wideRate, wideRate / oneRate);
        } finally {
            threads.shutdownNow();
        }
    }

    /** @return the wall seconds of training every pack, each on its own thread, all at once */
    private static double timePacks(Supplier<SgdTrainer> trainers, PreparedData data, List<List<HyperParameters>> packs,
                                    int epochs, long seed, ExecutorService threads) {
        List<List<PackMember>> members = new ArrayList<>();
        for (List<HyperParameters> pack : packs) {
            List<PackMember> list = new ArrayList<>();
            for (HyperParameters hp : pack) {
                list.add(new PackMember(hp, TrainingState.initial(trainers.get().numParameters(data.train())),
                        epochs));
            }
            members.add(list);
        }
        long start = System.nanoTime();
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (List<PackMember> pack : members) {
            SgdTrainer own = trainers.get();
            running.add(CompletableFuture.runAsync(
                    () -> own.trainPack(pack, data.train(), data.validation(), seed), threads));
        }
        running.forEach(CompletableFuture::join);
        return (System.nanoTime() - start) / 1e9;
    }
}
