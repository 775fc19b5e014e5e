#!/usr/bin/env bash
# Strategy benchmark (issues 6 and 12), in one invocation:
#  1. full Fashion-MNIST, learning rate (log), momentum, L2 (log) and mini-batch size (log integer), 48
#     evaluations in rounds of 8, 5 seeds: best validation accuracy (mean and spread) of random search,
#     Nelder-Mead, pattern search and CMA-ES (each derivative-free method starts from a quasi-random design round
#     of 8), and of the folklore and theory baselines;
#  2. the known-optimum functions (FunctionBenchmark's eight: sphere 4-d, Rosenbrock 4-d, Branin, Ackley 6-d,
#     Rastrigin 4-d, Levy 8-d, Styblinski-Tang 6-d, Hartmann 6-d), 96 evaluations in rounds of 8, FSEEDS seeds,
#     median regret after 48 and 96 with Mann-Whitney p-values (scipy), every spark-hpo strategy including
#     bayes and tpe next to Optuna's TPE and CMA-ES samplers (Debian python3-optuna; skipped when missing);
#  3. the bayes strategy's driver cost: fitting and proposing a round of 8 from n = 25..400 observations in 6-d.
# Prints the tables and appends them to BENCHMARKS.md. About 60 minutes on 2 cores.
#   scripts/bench-dfo.sh [SEEDS] [FSEEDS] [STRATEGIES]
#     defaults 5, 10 and every strategy; SEEDS=0 skips the Fashion-MNIST part, FSEEDS=0 the functions and the
#     cost; STRATEGIES (comma-separated, e.g. random,pattern-search,bayes,tpe) limits the Fashion-MNIST part,
#     which always includes random (the table's reference).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
seeds="${1:-5}"
fseeds="${2:-10}"
strategies="random nelder-mead pattern-search cma-es bayes tpe folklore theory"
if [ -n "${3:-}" ]; then
  strategies="random $(echo "$3" | tr ',' ' ' | sed 's/\brandom\b//g')"
fi
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
mvn -B -q -Dstyle.color=never -DskipTests package >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >&2
out="target/bench-dfo"; rm -rf "$out"; mkdir -p "$out"
results="$out/results.txt"; : > "$results"

space='hpo.search.space=[{name=learning-rate, low=1e-3, high=0.1, scale=log}, {name=momentum, low=0.5, high=0.99}, {name=l2, low=1e-6, high=1e-2, scale=log}, {name=batch-size, low=16, high=512, scale=log}]'
common=(--set "$space" --set hpo.data.test= --set hpo.finish.save-model=false --set hpo.training.epochs=5
        --set hpo.training.schedule=cosine --set hpo.training.patience=0 --set hpo.search.parallelism=8
        --set hpo.search.dfo.initial-points=8 --set hpo.output.dir="$out/runs")
for strategy in $strategies; do
  for seed in $(seq 1 "$seeds"); do
    echo "bench-dfo: $strategy seed $seed" >&2
    id="$strategy-$seed"; t0=$(date +%s.%N)
    scripts/run-local.sh conf/fashion-mnist.conf "${common[@]}" --set hpo.search.strategy="$strategy" \
      --set hpo.search.trials=48 --set hpo.seed="$seed" --set hpo.run-id="$id" > "$out/$id.log" 2>&1
    python3 - "$out/runs/$id" "$strategy" "$seed" "$(python3 -c "print($(date +%s.%N) - $t0)")" >> "$results" <<'PY'
import json, sys
run, strategy, seed, wall = sys.argv[1:]
trials = [json.loads(l) for l in open(f"{run}/trials.jsonl")]
best = json.load(open(f"{run}/best.json"))
print(strategy, seed, len(trials), best["validation"]["val_accuracy"], f"{float(wall):.1f}")
PY
  done
done

hpo_table="(Fashion-MNIST part skipped: SEEDS = 0)"
[ "$seeds" -gt 0 ] && hpo_table=$(python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    strategy, seed, trials, acc, wall = line.split()
    rows.setdefault(strategy, []).append((int(trials), float(acc), float(wall)))
random_mean = statistics.mean(a for _, a, _ in rows["random"])
print("| strategy | trials per run | best validation accuracy, mean | spread (sd; min-max) | vs random (pp) | wall per run (s) |")
print("|---|---|---|---|---|---|")
for strategy, values in rows.items():
    accs = [a for _, a, _ in values]
    sd = statistics.stdev(accs) if len(accs) > 1 else 0.0
    print(f"| {strategy} | {values[0][0]} | {statistics.mean(accs):.4f} | {sd:.4f}; {min(accs):.4f}-{max(accs):.4f} | "
          f"{100 * (statistics.mean(accs) - random_mean):+.2f} | {statistics.mean(w for _, _, w in values):.1f} |")
PY
)

function_table="(known-optimum functions skipped: FSEEDS = 0)"
cost_table="| - | skipped |"
cp_all="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ "$fseeds" -gt 0 ]; then
  echo "bench-dfo: known-optimum functions" >&2
  # shellcheck disable=SC2086
  java $SPARK_JAVA_OPTIONS -cp "$cp_all" org.sparkhpo.bench.FunctionBenchmark 96 8 "$fseeds" \
    random,nelder-mead,pattern-search,cma-es,cma-es-centre,bayes,tpe 48 > "$out/functions.txt" 2>/dev/null
  if /usr/bin/python3 -c "import optuna" 2>/dev/null; then
    /usr/bin/python3 scripts/bench_optuna.py 96 "$fseeds" 48 >> "$out/functions.txt"
  fi
  function_table=$(/usr/bin/python3 scripts/bench_regret.py "$out/functions.txt" 48 96)
  echo "bench-dfo: bayes driver cost" >&2
  # shellcheck disable=SC2086
  cost_table=$(java $SPARK_JAVA_OPTIONS -cp "$cp_all" org.sparkhpo.bench.BayesCostBenchmark 3 2>/dev/null \
    | awk 'NR > 1 {printf "| %s | %s |\n", $1, $2}')
fi
report=$(cat <<TXT

## $(date -u +%Y-%m-%d) strategies on full Fashion-MNIST and on known-optimum functions (issues 6 and 12)

Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end (shared machine). Command: \`scripts/bench-dfo.sh $seeds $fseeds ${3:-}\`
Space: learning rate [1e-3, 0.1] log, momentum [0.5, 0.99], L2 [1e-6, 1e-2] log, mini-batch size [16, 512] log
integer; softmax, 5 epochs with a cosine schedule per trial, 50,000 / 10,000 rows; 48 evaluations in rounds of 8
(the derivative-free methods spend their first round on a Halton design); seeds 1-$seeds. Folklore and theory
propose their fixed lists (all seeds train the same configurations; seeds change the shuffles).

${hpo_table}

Known-optimum functions, regret (best value - known minimum), rounds of 8 for spark-hpo (derivative-free
methods and bayes/tpe start with a Halton round), Optuna sequential, seeds 1-$fseeds:

${function_table}

bayes driver cost, fitting the GP and proposing a round of 8 from n observations in 6-d (median of 3):

| n | seconds |
|---|---|
${cost_table}
TXT
)
echo "$report"
printf '%s\n' "$report" >> BENCHMARKS.md
