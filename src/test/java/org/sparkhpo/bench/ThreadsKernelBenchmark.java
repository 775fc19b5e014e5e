package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.PackMember;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.TrainingState;

/**
 * The training kernel on one and on two threads, without Spark: the grid's 8 configurations as one pack, and its
 * first configuration alone (the final retraining's shape), each trained {@code epochs} epochs with validation on
 * 1 thread and on 2 ({@code threads = 2}: a {@code ParallelKernel} and its {@code WorkerTeam}), the four cases
 * alternated, seven repetitions each after one warm-up. Reports the median of each, so that a repetition slowed
 * by a stall of the machine (a virtual CPU taken away for a while: both threads then wait on the slower) counts
 * as one of seven, not as the figure. Self-contained (it uses only {@link GridWorkload} and the trainer's public
 * API), so {@code scripts/bench-threads-kernel.sh} can run it against older checkouts too.
 *
 * <p>Prints {@code threads <pack 8 x 1> <pack 8 x 2> <one x 1> <one x 2>} in trial-epochs/s.
 *
 * <p>Usage: {@code ThreadsKernelBenchmark CONF epochs [key=value ...]}.
 */
public final class ThreadsKernelBenchmark {
    private static final int REPETITIONS = 7;

    private ThreadsKernelBenchmark() {
    }

    public static void main(String[] args) {
        GridWorkload workload = GridWorkload.of(args);
        int epochs = Integer.parseInt(args[1]);
        PreparedData data = workload.data();
        List<HyperParameters> grid = workload.grid();
        List<List<HyperParameters>> cases = List.of(grid, withThreads(grid, 2), grid.subList(0, 1),
                withThreads(grid.subList(0, 1), 2));
        double[][] rates = new double[cases.size()][REPETITIONS];
        for (List<HyperParameters> pack : cases) {
            seconds(workload, data, pack, epochs);
        }
        for (int rep = 0; rep < REPETITIONS; rep++) {
            for (int c = 0; c < cases.size(); c++) {
                rates[c][rep] = cases.get(c).size() * (double) epochs / seconds(workload, data, cases.get(c), epochs);
            }
        }
        System.out.printf(Locale.ROOT, "threads %.2f %.2f %.2f %.2f%n", median(rates[0]), median(rates[1]),
                median(rates[2]), median(rates[3]));
    }

    private static List<HyperParameters> withThreads(List<HyperParameters> pack, int threads) {
        return pack.stream().map(hp -> hp.withThreads(threads)).toList();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** @return the wall seconds of training {@code pack} as one pack on this thread (and its team's) */
    private static double seconds(GridWorkload workload, PreparedData data, List<HyperParameters> pack, int epochs) {
        SgdTrainer trainer = workload.trainer();
        List<PackMember> members = new ArrayList<>();
        for (HyperParameters hp : pack) {
            members.add(new PackMember(hp, TrainingState.initial(trainer.numParameters(data.train())), epochs));
        }
        long start = System.nanoTime();
        trainer.trainPack(members, data.train(), data.validation(), workload.orderSeed());
        return (System.nanoTime() - start) / 1e9;
    }
}
