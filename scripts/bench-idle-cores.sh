#!/usr/bin/env bash
# Benchmark of hpo.spark.idle-cores (issue 13) on full Fashion-MNIST, local[2], in one invocation: the searches
# whose rounds have fewer packs than task slots, run with idle cores lent (lend, the default) and left idle
# (leave), alternated, REPS times each (default 2):
#   - Hyperband, eta 3, 3-27 epochs, random sampler (scripts/bench-bandit.sh's 27-configuration space):
#     its last rungs train one to three trials;
#   - successive halving, eta 3, 1-27 epochs, all 27 configurations: its last rungs train one and three.
# Reported per run: wall time, search time, the rounds whose packs trained on lent threads, best validation and
# test accuracy, epochs trained; and the machine's single-thread sgemm throughput (the GEMM bound).
# Prints Markdown; about 5 minutes on 2 cores with REPS = 2.
#   scripts/bench-idle-cores.sh [REPS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
reps="${1:-2}"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
out="target/bench-idle-cores"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=learning-rate, values=[0.002, 0.005, 0.01]}, {name=l2, values=[1e-4, 1e-3, 1e-2]}, {name=momentum, values=[0.8, 0.9, 0.95]}]'
common=(--set "$space" --set hpo.training.epochs=27 --set hpo.training.schedule=cosine --set hpo.training.patience=0
        --set hpo.output.dir="$out/runs")
hyperband=(--set hpo.search.strategy=hyperband --set hpo.search.bandit.min-epochs=3
           --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=random)
halving=(--set hpo.search.strategy=successive-halving --set hpo.search.bandit.min-epochs=1
         --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=grid)
uptime_before=$(uptime)
run() {  # run NAME IDLE STRATEGY-ARGS...: runs the job, appends "NAME IDLE WALL" to runs.txt
  local name="$1" idle="$2"; shift 2
  echo "bench-idle-cores: $name" >&2
  local t0; t0=$(date +%s.%N)
  SPARK_HPO_MASTER='local[2]' scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" "$@" \
    --set hpo.run-id="$name" --set hpo.spark.idle-cores="$idle" > "$out/$name.log" 2>&1
  echo "$name $idle $(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')")" >> "$out/runs.txt"
}
for rep in $(seq 1 "$reps"); do
  for idle in leave lend; do
    run "hyperband-$idle-$rep" "$idle" "${hyperband[@]}"
    run "halving-$idle-$rep" "$idle" "${halving[@]}"
  done
done
uptime_after=$(uptime)
echo "bench-idle-cores: GEMM throughput" >&2
gemm=$(scripts/gemm-bound.sh 50000 784 10 128)

python3 - "$out" "$gemm" "$uptime_before" "$uptime_after" <<'PY'
import json, re, statistics, sys
out, gemm, before, after = sys.argv[1:5]
print("| run | idle cores | wall (s) | search (s) | rounds on lent threads | best validation | best test | epochs trained |")
print("|---|---|---|---|---|---|---|---|")
search = {}
for line in open(f"{out}/runs.txt"):
    name, idle, wall = line.split()
    log = open(f"{out}/{name}.log").read()
    seconds = float(re.search(r"search ([0-9.]+)s", log).group(1))
    lent = len(re.findall(r"slots of [0-9]+ threads", log))
    rounds = len(re.findall(r"round [0-9]+: ", log))
    trials = [json.loads(l) for l in open(f"{out}/runs/{name}/trials.jsonl")]
    epochs = sum(t["metrics"].get("epochs_trained", t["metrics"].get("epochs", 0)) or 0 for t in trials)
    best = json.load(open(f"{out}/runs/{name}/best.json"))
    print(f"| {name} | {idle} | {wall} | {seconds:.2f} | {lent} of {rounds} | "
          f"{best['validation']['val_accuracy']:.4f} | {best['test']['accuracy']:.4f} | {int(epochs)} |")
    search.setdefault((name.split("-")[0], idle), []).append(seconds)
print()
for strategy in ("hyperband", "halving"):
    leave = statistics.median(search[(strategy, "leave")])
    lend = statistics.median(search[(strategy, "lend")])
    print(f"{strategy}: median search {leave:.2f} s left idle, {lend:.2f} s lent: {leave / lend:.2f}x")
print()
print(f"GEMM bound: {gemm}")
print(f"Load before: {before.strip()}")
print(f"Load after: {after.strip()}")
PY
