package org.sparkhpo.trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups the trials of a round into packs, one pack per task: trials of equal {@link Objective#packKey} (for
 * training: the same batch size) share a pack, at most {@code maxPackSize} of them. The limit is the
 * configured {@code hpo.spark.pack-size}, or with {@code auto} ceil(round size / task slots), so that a round
 * of n trials with one key makes one pack per slot and every core stays busy, while each pack is as large as
 * it can be (a wider GEMM per mini-batch). A group larger than the limit is cut into the fewest packs of
 * near-equal size (sizes differ by at most one), and packs are returned largest first so that the scheduler
 * starts the longest tasks first (the LPT rule of Graham, "Bounds on multiprocessing timing anomalies",
 * 1969). Trials without a key are packs of one. Deterministic: the same trials give the same packs.
 */
public final class TrialPacks {
    private TrialPacks() {
    }

    /**
     * @param trials the round's trials
     * @param objective what decides which trials may share a pack
     * @param packSize the most trials per pack, or 0 for auto
     * @param slots the task slots (cores) the round runs on, >= 1
     * @return the packs, every trial in exactly one, largest pack first, trials in round order inside a pack
     */
    public static List<List<Trial>> group(List<Trial> trials, Objective objective, int packSize, int slots) {
        int maxPackSize = packSize > 0 ? packSize : Math.max(1, (trials.size() + slots - 1) / Math.max(1, slots));
        Map<Object, List<Trial>> byKey = new LinkedHashMap<>();
        List<List<Trial>> packs = new ArrayList<>();
        for (Trial trial : trials) {
            Optional<Object> key = objective.packKey(trial);
            if (key.isPresent()) {
                byKey.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(trial);
            } else {
                packs.add(new ArrayList<>(List.of(trial)));
            }
        }
        for (List<Trial> group : byKey.values()) {
            packs.addAll(split(group, maxPackSize));
        }
        packs.sort(Comparator.comparingInt(pack -> -pack.size()));
        return packs;
    }

    /** Cuts a group into ceil(n / max) packs whose sizes differ by at most one. */
    private static List<List<Trial>> split(List<Trial> group, int maxPackSize) {
        int count = (group.size() + maxPackSize - 1) / maxPackSize;
        List<List<Trial>> packs = new ArrayList<>(count);
        int from = 0;
        for (int p = 0; p < count; p++) {
            int size = group.size() / count + (p < group.size() % count ? 1 : 0);
            packs.add(new ArrayList<>(group.subList(from, from + size)));
            from += size;
        }
        return packs;
    }
}
