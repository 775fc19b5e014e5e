#!/usr/bin/env bash
# Benchmark for cost-aware search (issue 14) on full Fashion-MNIST, in one invocation:
#  1. a multi-objective run (random search, 24 trials over epochs, learning rate, batch size and L1) whose front of
#     validation accuracy vs core-seconds vs prediction latency vs nonzero weights is printed; from its trials,
#     the model with the fewest nonzero weights within 0.5 pp of the best accuracy, latency beside it;
#  2. a constrained run over the same trials (same seed and space) with core_seconds bounded by half of the
#     core-seconds of run 1's most accurate trial: the model it picks next to the unconstrained best of its own
#     journal (which holds every trial's real metrics, infeasible ones included);
#  3. an L1 grid (0 and 5e-4 to 1e-2, 16 epochs, learning rate 0.01) under the cosine and the constant schedule,
#     run with `hpo.cost.mode = pareto` over nonzero weights and `hpo.select = cheapest-within` (0.5 pp): the job
#     itself picks the sparsest model within 0.5 pp of the most accurate; nonzero weights, accuracy and prediction
#     latency of every trial, and the pick (from best.json) against the most accurate trials;
#  and the machine's single-thread sgemm throughput for the kernel's shapes (the GEMM bound of an epoch).
# Prints Markdown; about 5 minutes on 2 cores.   scripts/bench-cost.sh        (--l1-only: part 3 and the bound)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
l1_only=false
[ "${1:-}" = "--l1-only" ] && l1_only=true
out="target/bench-cost"; rm -rf "$out"; mkdir -p "$out"
space='hpo.search.space=[{name=epochs, low=1, high=12}, {name=learning-rate, low=2e-3, high=5e-2, scale=log}, {name=batch-size, values=[128, 512]}, {name=l1, values=[0, 1e-3, 1e-2, 3e-2]}]'
common=(--set "$space" --set hpo.search.strategy=random --set hpo.search.trials=24 --set hpo.training.schedule=cosine
        --set hpo.training.patience=0 --set hpo.finish.save-model=false --set hpo.output.dir="$out/runs")

bound=0
if [ "$l1_only" = false ]; then
echo "bench-cost: multi-objective run" >&2
scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" --set hpo.run-id=pareto --set hpo.cost.mode=pareto \
  --set 'hpo.cost.metrics=[core_seconds, predict_ms_per_1000, nonzero_weights]' --set hpo.select=knee \
  > "$out/pareto.log" 2>&1
bound=$(python3 - "$out/runs/pareto" <<'PY'
import json, sys
trials = [json.loads(l) for l in open(f"{sys.argv[1]}/trials.jsonl")]
best = max((t for t in trials if t["state"] == "COMPLETE"), key=lambda t: (t["metrics"]["val_accuracy"], -t["id"]))
print(f"{best['metrics']['core_seconds'] / 2:.3f}")
PY
)
echo "bench-cost: constrained run, core_seconds <= $bound" >&2
scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" --set hpo.run-id=constrained --set hpo.cost.mode=constrained \
  --set "hpo.cost.bounds=[{cost=core_seconds, max=$bound}]" --set 'hpo.cost.metrics=[core_seconds]' \
  > "$out/constrained.log" 2>&1
fi
echo "bench-cost: L1 grid" >&2
scripts/run-local.sh conf/fashion-mnist.conf --set hpo.run-id=l1 --set hpo.output.dir="$out/runs" \
  --set 'hpo.search.space=[{name=schedule, values=[cosine, constant]}, {name=l1, values=[0, 5e-4, 1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3, 8e-3, 1e-2]}]' \
  --set hpo.training.epochs=16 --set hpo.data.test= \
  --set hpo.training.learning-rate=0.01 --set hpo.training.patience=0 \
  --set hpo.cost.mode=pareto --set 'hpo.cost.metrics=[nonzero_weights]' --set hpo.select=cheapest-within \
  --set hpo.select-tolerance=0.005 --set hpo.finish.save-model=false > "$out/l1.log" 2>&1
echo "bench-cost: GEMM throughput" >&2
gemm=$(scripts/gemm-bound.sh 50000 784 10 128)

python3 - "$out/runs" "$bound" "$gemm" "$l1_only" <<'PY'
import json, sys
runs, bound, gemm, l1_only = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4] == "true"
def most_accurate_and_sparsest(done):
    """The most accurate trial, and the one with the fewest nonzero weights within 0.5 pp of it."""
    top = max(done, key=lambda t: (t["metrics"]["val_accuracy"], -t["id"]))
    near = [t for t in done if t["metrics"]["val_accuracy"] >= top["metrics"]["val_accuracy"] - 0.005]
    return top, min(near, key=lambda t: (t["metrics"]["nonzero_weights"], t["id"]))
def trials(name):
    return [json.loads(l) for l in open(f"{runs}/{name}/trials.jsonl")]
def params(t):
    p = t["params"]
    return f"epochs {p['epochs']}, lr {p['learning-rate']:.4f}, batch {p['batch-size']}, l1 {p['l1']:g}"
if not l1_only:
    pareto = json.load(open(f"{runs}/pareto/pareto.json"))
    knee = pareto["selected_trial"]
    print("Multi-objective run (`hpo.cost.mode = pareto`, random search, 24 trials): the front")
    print()
    print("| trial | validation accuracy | core-seconds | predict ms / 1,000 rows | nonzero weights | params |")
    print("|---|---|---|---|---|---|")
    for t in pareto["front"]:
        m = t["metrics"]
        mark = " (knee)" if t["id"] == knee else ""
        print(f"| {t['id']}{mark} | {m['val_accuracy']:.4f} | {m['core_seconds']:.2f} | {m['predict_ms_per_1000']:.3f} | {int(m['nonzero_weights'])} | {params(t)} |")
    all_t = [t for t in trials("pareto") if t["state"] == "COMPLETE"]
    best, sparse = most_accurate_and_sparsest(all_t)
    bm, sm = best["metrics"], sparse["metrics"]
    print()
    print(f"{len(pareto['front'])} of {len(all_t)} trials on the front. L1: most accurate trial {best['id']} ({params(best)}): "
          f"{bm['val_accuracy']:.4f}, {int(bm['nonzero_weights'])} nonzero weights, {bm['predict_ms_per_1000']:.3f} ms / 1,000 rows; "
          f"fewest nonzero weights within 0.5 pp: trial {sparse['id']} ({params(sparse)}): {sm['val_accuracy']:.4f}, "
          f"{int(sm['nonzero_weights'])} nonzero weights ({bm['nonzero_weights'] / sm['nonzero_weights']:.2f}x fewer), "
          f"{sm['predict_ms_per_1000']:.3f} ms / 1,000 rows.")
    print()
    c = trials("constrained")
    done = [t for t in c if t["state"] == "COMPLETE"]
    ub = max(done, key=lambda t: (t["metrics"]["val_accuracy"], -t["id"]))
    chosen = json.load(open(f"{runs}/constrained/best.json"))
    cm, um = chosen["validation"], ub["metrics"]
    feasible = sum(1 for t in done if t["metrics"]["feasible"] == 1.0)
    print(f"Constrained run (`core_seconds <= {bound:.3f}`, half the core-seconds of run 1's most accurate trial; "
          f"{feasible} of {len(done)} trials feasible):")
    print()
    print("| model | trial | validation accuracy | test accuracy | core-seconds | predict ms / 1,000 rows |")
    print("|---|---|---|---|---|---|")
    print(f"| unconstrained best (same journal) | {ub['id']} | {um['val_accuracy']:.4f} | - | {um['core_seconds']:.2f} | {um['predict_ms_per_1000']:.3f} |")
    print(f"| chosen under the bound | {chosen['trial_id']} | {cm['val_accuracy']:.4f} | {chosen['test']['accuracy']:.4f} | {cm['core_seconds']:.2f} | {cm['predict_ms_per_1000']:.3f} |")
    print()
    print(f"Chosen model: {um['core_seconds'] / cm['core_seconds']:.2f}x fewer core-seconds, "
          f"{100 * (cm['val_accuracy'] - um['val_accuracy']):+.2f} pp validation accuracy.")
    print()
print("L1 grid (learning rate 0.01, 16 epochs, batch 128, momentum 0.9; L1 by the cumulative penalty of Tsuruoka et al. 2009 after each update; "
      "the run's `hpo.cost.mode = pareto` over nonzero weights, `hpo.select = cheapest-within`, tolerance 0.005):")
print()
print("| schedule | l1 | validation accuracy | nonzero weights (of 7,840) | predict ms / 1,000 rows |")
print("|---|---|---|---|---|")
grid = [t for t in trials("l1") if t["state"] == "COMPLETE"]
for t in sorted(grid, key=lambda t: (t["params"]["schedule"], t["params"]["l1"])):
    m = t["metrics"]
    print(f"| {t['params']['schedule']} | {t['params']['l1']:g} | {m['val_accuracy']:.4f} | {int(m['nonzero_weights'])} | {m['predict_ms_per_1000']:.3f} |")
top, sparsest = most_accurate_and_sparsest(grid)
picked = json.load(open(f"{runs}/l1/best.json"))
assert picked["trial_id"] == sparsest["id"], f"best.json picked trial {picked['trial_id']}, the rule says {sparsest['id']}"
best_acc = top["metrics"]["val_accuracy"]
tied = [t for t in grid if t["metrics"]["val_accuracy"] == best_acc]
leanest_top = min(tied, key=lambda t: t["metrics"]["nonzero_weights"])
sm = sparsest["metrics"]
def describe(t):
    m = t["metrics"]
    return (f"{t['params']['schedule']}, l1 {t['params']['l1']:g}: {m['val_accuracy']:.4f}, {int(m['nonzero_weights'])} nonzero, "
            f"{m['predict_ms_per_1000']:.3f} ms / 1,000 rows")
print()
print(f"Most accurate ({len(tied)} trial(s) at {best_acc:.4f}): " + "; ".join(describe(t) for t in tied) + ".")
print(f"The run's pick (best.json, trial {picked['trial_id']}): {describe(sparsest)}: "
      f"{leanest_top['metrics']['nonzero_weights'] / sm['nonzero_weights']:.2f}x fewer nonzero weights than the sparsest of the most accurate, "
      f"{100 * (sm['val_accuracy'] - best_acc):+.2f} pp.")
print()
print("GEMM bound (GemmThroughput 50000 784 10 128, one thread):")
print()
for line in gemm.strip().splitlines():
    print("    " + line)
PY
