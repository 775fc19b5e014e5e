#!/usr/bin/env bash
# A/B of two settings on the bandit searches (issue 13), full Fashion-MNIST, local[2], in one invocation: each
# search runs under setting A and under setting B, alternated, REPS times each (default 2):
#   - Hyperband, eta 3, 3-27 epochs, random sampler (scripts/bench-bandit.sh's 27-configuration space);
#   - successive halving, eta 3, 1-27 epochs, all 27 configurations.
# Reported per run: wall time, search time, rounds, the rounds whose packs trained on lent threads, best validation
# and test accuracy, epochs trained; the median search time per search and setting; and the machine's
# single-thread sgemm throughput (the GEMM bound). Prints Markdown; about 5 minutes on 2 cores with REPS = 2.
#   scripts/bench-bandit-ab.sh NAME_A KEY=VALUE[,KEY=VALUE...] NAME_B KEY=VALUE[,KEY=VALUE...] [REPS]
# For example idle cores lent or not:
#   scripts/bench-bandit-ab.sh leave hpo.spark.idle-cores=leave lend hpo.spark.idle-cores=lend
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 4 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
names=("$1" "$3"); sets=("$2" "$4"); reps="${5:-2}"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
out="target/bench-bandit-ab"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=learning-rate, values=[0.002, 0.005, 0.01]}, {name=l2, values=[1e-4, 1e-3, 1e-2]}, {name=momentum, values=[0.8, 0.9, 0.95]}]'
common=(--set "$space" --set hpo.training.epochs=27 --set hpo.training.schedule=cosine --set hpo.training.patience=0
        --set hpo.output.dir="$out/runs")
hyperband=(--set hpo.search.strategy=hyperband --set hpo.search.bandit.min-epochs=3
           --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=random)
halving=(--set hpo.search.strategy=successive-halving --set hpo.search.bandit.min-epochs=1
         --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=grid)
uptime_before=$(uptime)
run() {  # run NAME VARIANT SETTINGS STRATEGY-ARGS...: runs the job, appends "NAME VARIANT WALL" to runs.txt
  local name="$1" variant="$2" settings="$3"; shift 3
  local extra=(); local kv
  IFS=',' read -ra kvs <<< "$settings"
  for kv in "${kvs[@]}"; do extra+=(--set "$kv"); done
  echo "bench-bandit-ab: $name ($settings)" >&2
  local t0; t0=$(date +%s.%N)
  SPARK_HPO_MASTER='local[2]' scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" "$@" "${extra[@]}" \
    --set hpo.run-id="$name" > "$out/$name.log" 2>&1
  echo "$name $variant $(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')")" >> "$out/runs.txt"
}
for rep in $(seq 1 "$reps"); do
  for v in 0 1; do
    run "hyperband-${names[$v]}-$rep" "${names[$v]}" "${sets[$v]}" "${hyperband[@]}"
    run "halving-${names[$v]}-$rep" "${names[$v]}" "${sets[$v]}" "${halving[@]}"
  done
done
uptime_after=$(uptime)
echo "bench-bandit-ab: GEMM throughput" >&2
gemm=$(scripts/gemm-bound.sh 50000 784 10 128)

python3 - "$out" "$gemm" "$uptime_before" "$uptime_after" "${names[0]}" "${names[1]}" "${sets[0]}" "${sets[1]}" <<'PY'
import json, re, statistics, sys
out, gemm, before, after, name_a, name_b, set_a, set_b = sys.argv[1:9]
print(f"{name_a}: {set_a}; {name_b}: {set_b}")
print()
print("| run | setting | wall (s) | search (s) | rounds on lent threads | best validation | best test | epochs trained |")
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
    a = statistics.median(search[(strategy, name_a)])
    b = statistics.median(search[(strategy, name_b)])
    print(f"{strategy}: median search {a:.2f} s ({name_a}), {b:.2f} s ({name_b}): {name_b} {a / b:.2f}x the speed")
print()
print(f"GEMM bound: {gemm}")
print(f"Load before: {before.strip()}")
print(f"Load after: {after.strip()}")
PY
