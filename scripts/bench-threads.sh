#!/usr/bin/env bash
# Benchmark of `threads` (issue 14) on full Fashion-MNIST, 2 cores, Spark local mode, in one invocation:
# the same 12 random-search trials (learning rate, L2; 6 epochs, batch 128, float features) run four times:
#   threads 1 vs 2, each with one trial per task (hpo.spark.pack-size = 1) and with packing (auto).
# threads = 2 sets spark.task.cpus = 2 in local mode, so one 2-thread task runs at a time on the 2 cores.
# Reported per run: search wall time, trials per second, time to a target accuracy (the first journaled trial
# reaching the median validation accuracy of the 12 trials of the first run; the trials are the same in every run),
# and the machine's single-thread sgemm throughput (the GEMM bound). Prints Markdown; a few minutes on 2 cores.
#   scripts/bench-threads.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
out="target/bench-threads"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log}, {name=l2, low=1e-5, high=1e-2, scale=log}]'
common=(--set "$space" --set hpo.search.strategy=random --set hpo.search.trials=12 --set hpo.training.epochs=6
        --set hpo.training.batch-size=128 --set hpo.training.schedule=cosine --set hpo.training.patience=0
        --set hpo.data.test= --set hpo.finish.save-model=false --set hpo.output.report=false
        --set hpo.output.dir="$out/runs")
uptime_before=$(uptime)
for pack in 1 auto; do
  for threads in 1 2; do
    echo "bench-threads: threads $threads, pack-size $pack" >&2
    SPARK_HPO_MASTER='local[2]' scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" \
      --set hpo.run-id="t$threads-p$pack" --set hpo.training.threads="$threads" --set hpo.spark.pack-size="$pack" \
      > "$out/t$threads-p$pack.log" 2>&1
  done
done
uptime_after=$(uptime)
echo "bench-threads: GEMM throughput" >&2
gemm=$(scripts/gemm-bound.sh 50000 784 10 128)

python3 - "$out/runs" "$gemm" "$uptime_before" "$uptime_after" <<'PY'
import json, statistics, sys
runs, gemm, before, after = sys.argv[1:5]
def trials(name):
    return [json.loads(l) for l in open(f"{runs}/{name}/trials.jsonl")]
first = trials("t1-p1")
target = statistics.median(t["metrics"]["val_accuracy"] for t in first if t["state"] == "COMPLETE")
print(f"Target accuracy: {target:.4f} (median validation accuracy of the 12 trials).")
print()
print("| threads | pack-size | tasks | search wall s | trials / s | time to target s | best val accuracy | train s per task (mean) | core-seconds (sum) |")
print("|---|---|---|---|---|---|---|---|---|")
for pack in ("1", "auto"):
    for threads in ("1", "2"):
        ts = trials(f"t{threads}-p{pack}")
        wall = max(t["finished_seconds"] for t in ts)
        reach = min(t["finished_seconds"] for t in ts if t["metrics"]["val_accuracy"] >= target - 1e-9)
        best = max(t["metrics"]["val_accuracy"] for t in ts)
        # A packed trial's train_seconds is its pack's wall time: a task's is counted once (1 / pack_size per trial).
        tasks = sum(1 / t["metrics"]["pack_size"] for t in ts)
        train = sum(t["metrics"]["train_seconds"] / t["metrics"]["pack_size"] for t in ts) / tasks
        core = sum(t["metrics"]["train_seconds"] * t["metrics"]["threads"] / t["metrics"]["pack_size"] for t in ts)
        print(f"| {threads} | {pack} | {tasks:.0f} | {wall:.1f} | {len(ts) / wall:.3f} | {reach:.1f} | {best:.4f} | {train:.2f} | {core:.1f} |")
print()
print(f"Load: before `{before.strip()}`; after `{after.strip()}`.")
print()
print("GEMM bound (GemmThroughput 50000 784 10 128, one thread):")
print()
for line in gemm.strip().splitlines():
    print("    " + line)
PY
