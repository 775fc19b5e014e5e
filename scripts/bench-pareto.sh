#!/usr/bin/env bash
# Multi-objective search on full Fashion-MNIST (issue 14): the Pareto front of validation accuracy against model
# size (nonzero weights) after the same budget, random search against bayes and tpe searching by ParEGO
# (README.md, "Cost-aware and multi-objective search"). Space: epochs 1..12, learning rate 2e-3..5e-2 (log),
# L1 1e-5..3e-2 (log); cosine schedule, batch 128; 24 trials in rounds of 4; SEEDS job seeds per strategy.
# Both axes are deterministic given the seed (no timing axis), so the figures do not depend on machine load.
# Quality: the hypervolume dominated by each run's front in (validation error, nonzero weights / 7,840), reference
# point (1, 1) (larger is better), mean and spread over the seeds, with a Mann-Whitney p-value against random.
# Prints Markdown.   scripts/bench-pareto.sh [SEEDS]      (default 3; about 3 minutes per seed on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
seeds="${1:-3}"
out="target/bench-pareto"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=epochs, low=1, high=12}, {name=learning-rate, low=2e-3, high=5e-2, scale=log}, {name=l1, low=1e-5, high=3e-2, scale=log}]'
for seed in $(seq 1 "$seeds"); do
  for strategy in random bayes tpe; do
    echo "bench-pareto: $strategy, seed $seed" >&2
    scripts/run-local.sh conf/fashion-mnist.conf --set "$space" --set hpo.search.strategy="$strategy" \
      --set hpo.search.trials=24 --set hpo.search.parallelism=4 --set hpo.seed="$seed" \
      --set hpo.training.schedule=cosine --set hpo.training.patience=0 --set hpo.data.test= \
      --set hpo.cost.mode=pareto --set 'hpo.cost.metrics=[nonzero_weights]' --set hpo.select=knee \
      --set hpo.finish.save-model=false --set hpo.output.dir="$out/runs" --set hpo.run-id="$strategy-$seed" \
      > "$out/$strategy-$seed.log" 2>&1
  done
done
/usr/bin/python3 - "$out/runs" "$seeds" <<'PY'
import json, statistics, sys
runs, seeds = sys.argv[1], int(sys.argv[2])
def hypervolume(points):
    """Area dominated by the points (minimized error and size, both in [0, 1]) up to the reference (1, 1)."""
    front, best_size = [], 2.0
    for error, size in sorted(points):
        if size < best_size:
            front.append((error, size))
            best_size = size
    area = 0.0
    for i, (error, size) in enumerate(front):
        next_error = front[i + 1][0] if i + 1 < len(front) else 1.0
        area += (next_error - error) * (1.0 - size)
    return area
volumes, fronts = {}, {}
for strategy in ("random", "bayes", "tpe"):
    for seed in range(1, seeds + 1):
        trials = [json.loads(l) for l in open(f"{runs}/{strategy}-{seed}/trials.jsonl")]
        points = [(1 - t["metrics"]["val_accuracy"], t["metrics"]["nonzero_weights"] / 7840) for t in trials
                  if t["state"] == "COMPLETE"]
        volumes.setdefault(strategy, []).append(hypervolume(points))
        fronts.setdefault(strategy, []).append(len(json.load(open(f"{runs}/{strategy}-{seed}/pareto.json"))["front"]))
try:
    from scipy.stats import mannwhitneyu
except ImportError:
    mannwhitneyu = None
print(f"Hypervolume of the (validation error, nonzero weights / 7,840) front, reference (1, 1), 24 trials, {seeds} seeds:")
print()
print("| strategy | hypervolume per seed | mean | front size per seed | p vs random (Mann-Whitney, two-sided) |")
print("|---|---|---|---|---|")
for strategy, values in volumes.items():
    p = "-"
    if strategy != "random" and mannwhitneyu is not None:
        p = f"{mannwhitneyu(values, volumes['random'], alternative='two-sided').pvalue:.3f}"
    print(f"| {strategy} | {', '.join(f'{v:.4f}' for v in values)} | {statistics.mean(values):.4f} | "
          f"{', '.join(map(str, fronts[strategy]))} | {p} |")
PY
