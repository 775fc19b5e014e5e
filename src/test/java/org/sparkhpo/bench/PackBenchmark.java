package org.sparkhpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.train.HyperParameters;
import org.sparkhpo.train.PackMember;
import org.sparkhpo.train.SgdTrainer;
import org.sparkhpo.train.TrainingState;

/**
 * Times the grid of a configuration's search space (the 8 configurations of {@code conf/fashion-mnist.conf}) in
 * this thread, without Spark: once one configuration after another, once as one pack ({@link SgdTrainer#trainPack}).
 * Without validation by default; with {@code -Dbench.validation=true} every epoch also scores the validation part,
 * as a trial does (early stopping off, so every run trains every epoch). Prints
 * {@code pack <trials> <epochs> <alone trial-epochs/s> <packed trial-epochs/s> <ratio>}, the best of three
 * repetitions each, alternated so both see the same machine load.
 *
 * <p>Usage: {@code PackBenchmark CONF epochs [key=value ...]}.
 */
public final class PackBenchmark {
    private PackBenchmark() {
    }

    public static void main(String[] args) {
        GridWorkload workload = GridWorkload.of(args);
        int epochs = Integer.parseInt(args[1]);
        PreparedData data = workload.data();
        List<HyperParameters> configurations = workload.grid();
        boolean validate = Boolean.getBoolean("bench.validation");
        LabeledData validation = validate ? data.validation() : null;
        SgdTrainer trainer = workload.trainer();
        long seed = workload.orderSeed();
        trainer.train(data.train(), null, configurations.get(0).withEpochs(1), seed);
        double alone = Double.MAX_VALUE;
        double packed = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            for (HyperParameters hp : configurations) {
                trainer.train(data.train(), validation, hp, seed);
            }
            alone = Math.min(alone, (System.nanoTime() - start) / 1e9);
            List<PackMember> members = new ArrayList<>();
            for (HyperParameters hp : configurations) {
                members.add(new PackMember(hp, TrainingState.initial(trainer.numParameters(data.train())), epochs));
            }
            start = System.nanoTime();
            trainer.trainPack(members, data.train(), validation, seed);
            packed = Math.min(packed, (System.nanoTime() - start) / 1e9);
        }
        double trialEpochs = configurations.size() * (double) epochs;
        System.out.printf(Locale.ROOT, "pack %d %d %.2f %.2f %.2f%n", configurations.size(), epochs,
                trialEpochs / alone, trialEpochs / packed, alone / packed);
    }
}
