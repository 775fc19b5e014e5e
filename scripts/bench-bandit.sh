#!/usr/bin/env bash
# Benchmark for early stopping across trials (issue 5): on full Fashion-MNIST, a 27-configuration space
# (learning rate x L2 x momentum, 3 values each, cosine schedule over 27 epochs) searched by the full grid
# (every configuration for 27 epochs), by Hyperband (eta 3, 3 to 27 epochs; random, tpe and bayes samplers, the
# last two being BOHB) and by successive halving
# (eta 3, 1 to 27 epochs, all 27 configurations); prints best test accuracy, epochs trained and wall time
# side by side and appends the table to BENCHMARKS.md. About 3 minutes on 2 cores.
#   scripts/bench-bandit.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
out="target/bench-bandit"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=learning-rate, values=[0.002, 0.005, 0.01]}, {name=l2, values=[1e-4, 1e-3, 1e-2]}, {name=momentum, values=[0.8, 0.9, 0.95]}]'
common=(--set "$space" --set hpo.training.epochs=27 --set hpo.training.schedule=cosine --set hpo.training.patience=0
        --set hpo.output.dir="$out/runs")

run() {  # run NAME [--set ...]: runs the job, prints "wall_seconds"
  local name="$1"; shift
  local t0; t0=$(date +%s.%N)
  scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" --set hpo.run-id="$name" "$@" > "$out/$name.log" 2>&1
  python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')"
}
row() {  # row NAME WALL LABEL
  python3 - "$out/runs/$1" "$2" "$3" <<'PY'
import json, sys
run, wall, label = sys.argv[1], sys.argv[2], sys.argv[3]
trials = [json.loads(l) for l in open(f"{run}/trials.jsonl")]
epochs = sum(t["metrics"].get("epochs_trained", t["metrics"].get("epochs", 0)) or 0 for t in trials)
best = json.load(open(f"{run}/best.json"))
print(f"{label}|{len(trials)}|{int(epochs)}|{best['test']['accuracy']:.4f}|{best['validation']['val_accuracy']:.4f}|{wall}")
PY
}
echo "bench-bandit: full grid (27 x 27 epochs)" >&2
w=$(run grid --set hpo.search.strategy=grid); rows=$(row grid "$w" "full grid")$'\n'
echo "bench-bandit: Hyperband" >&2
w=$(run hyperband --set hpo.search.strategy=hyperband --set hpo.search.bandit.min-epochs=3 \
  --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=random)
rows+=$(row hyperband "$w" "Hyperband, eta 3, 3-27 epochs, random sampler")$'\n'
for sampler in tpe bayes; do  # BOHB (issue 12): the same brackets, configurations from a model of the highest rung
  echo "bench-bandit: Hyperband with the $sampler sampler" >&2
  w=$(run "hyperband-$sampler" --set hpo.search.strategy=hyperband --set hpo.search.bandit.min-epochs=3 \
    --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler="$sampler")
  rows+=$(row "hyperband-$sampler" "$w" "Hyperband, eta 3, 3-27 epochs, $sampler sampler (BOHB)")$'\n'
done
echo "bench-bandit: successive halving" >&2
w=$(run halving --set hpo.search.strategy=successive-halving --set hpo.search.bandit.min-epochs=1 \
  --set hpo.search.bandit.max-epochs=27 --set hpo.search.bandit.sampler=grid)
rows+=$(row halving "$w" "successive halving, eta 3, 1-27 epochs, all 27 configurations")

table=$(python3 - "$rows" <<'PY'
import sys
rows = [r.split("|") for r in sys.argv[1].strip().splitlines()]
grid_epochs, grid_acc = float(rows[0][2]), float(rows[0][3])
print("| search | trials | epochs trained | share of the grid's epochs | best test accuracy | vs grid (pp) | best validation accuracy | wall (s) |")
print("|---|---|---|---|---|---|---|---|")
for label, trials, epochs, test, val, wall in rows:
    print(f"| {label} | {trials} | {epochs} | {float(epochs)/grid_epochs:.3f} | {test} | {100*(float(test)-grid_acc):+.2f} | {val} | {wall} |")
PY
)
report=$(cat <<TXT

## $(date -u +%Y-%m-%d) early stopping across trials on full Fashion-MNIST (issues 5 and 12)

Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1). Command: \`scripts/bench-bandit.sh\`
Space: learning rate {0.002, 0.005, 0.01} x L2 {1e-4, 1e-3, 1e-2} x momentum {0.8, 0.9, 0.95} (27 configurations),
softmax, batch 128, cosine schedule over 27 epochs, no patience stop; 50,000 / 10,000 / 10,000 rows.
Epochs trained count what each trial trained itself (a promoted trial resumes from its checkpoint).

${table}
TXT
)
echo "$report"
printf '%s\n' "$report" >> BENCHMARKS.md
