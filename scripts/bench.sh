#!/usr/bin/env bash
# Benchmark of spark-hpo against MLlib TrainValidationSplit and scikit-learn on full Fashion-MNIST, all in one
# invocation on the same machine, cores, data and split. Prints a table and appends it, with the date, the
# machine and this command, to BENCHMARKS.md.
#   scripts/bench.sh [--skip-mllib] [--skip-scaling] [--skip-tables]
# --skip-tables keeps the 1 vs 2 cores comparison of the scaling part and skips its rows/features/trials tables.
# Takes about 10 minutes on 2 cores (MLlib alone about 5-8). Needs the full data (scripts/get-fashion-mnist.sh,
# run here when missing); the scikit-learn row needs Debian's python3-sklearn and is skipped without it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
command_line="scripts/bench.sh $*"
skip_mllib=false; skip_scaling=false; skip_tables=false
for arg in "$@"; do
  case "$arg" in
    --skip-mllib) skip_mllib=true ;;
    --skip-scaling) skip_scaling=true ;;
    --skip-tables) skip_tables=true ;;
    *) echo "bench.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
echo "bench: building" >&2
mvn -B -q -Dstyle.color=never -DskipTests package >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
out="target/bench"; mkdir -p "$out"
cp_all="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
export OPENBLAS_NUM_THREADS=1
# shellcheck disable=SC2086
java_run() { java -Xmx8g $SPARK_JAVA_OPTIONS -Dlog4j2.configurationFile="$root/conf/log4j2.properties" -cp "$cp_all" "$@" 2>>"$out/stderr.log"; }
conf=conf/fashion-mnist.conf
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
json_get() { python3 -c "import json,sys; d=json.load(open('$1')); print(d$2)"; }

echo "bench: GEMM throughput and epoch time (one thread)" >&2
gemm=$(java_run org.sparkhpo.bench.GemmThroughput 50000 784 10 128)
blas=$(echo "$gemm" | awk 'NR==1{print $2}')
gemm_d=$(echo "$gemm" | awk '$3=="double"{print $4" "$5}'); gemm_f=$(echo "$gemm" | awk '$3=="float"{print $4" "$5}')
epoch_d=$(java_run org.sparkhpo.bench.EpochBenchmark $conf 5 hpo.data.precision=double | awk '{print $2}')
epoch_f=$(java_run org.sparkhpo.bench.EpochBenchmark $conf 5 hpo.data.precision=float | awk '{print $2}')
mem_f=$(java_run org.sparkhpo.bench.MemoryBenchmark $conf hpo.data.precision=float)
mem_d=$(java_run org.sparkhpo.bench.MemoryBenchmark $conf hpo.data.precision=double)
echo "bench: a pack of the 8 grid configurations against the same 8 one by one (one thread)" >&2
gemm_pack=$(java_run org.sparkhpo.bench.GemmThroughput 50000 784 80 128 | awk '$3=="float"{print $4" "$5}')
pack=$(java_run org.sparkhpo.bench.PackBenchmark $conf 2)
pack_v=$(java_run -Dbench.validation=true org.sparkhpo.bench.PackBenchmark $conf 2)
# The same 8 models' two matrix products alone, one by one and as one pack, in the training order: the ceiling of the
# pack's gain (the per-model work is the same either way).
products=$(java_run org.sparkhpo.bench.ProductsBenchmark $conf 2)
# The kernel's own two-core scaling, without Spark: local[1]'s pack of 8 on one thread against local[2]'s two packs
# of 4, and two packs of 8, on two threads at once over the same array (CoreScaling's Javadoc).
cores_kernel=$(java_run org.sparkhpo.bench.CoreScaling $conf 2)

sk_epoch="-"; sk_acc="-"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  echo "bench: scikit-learn SGDClassifier" >&2
  java_run org.sparkhpo.bench.ExportArrays $conf "$out/arrays"
  read -r _ sk_epoch sk_acc < <(/usr/bin/python3 scripts/bench_sklearn.py "$out/arrays" 10)
fi

run_job() {  # run_job RUN_ID MASTER [extra --set ...]; prints wall seconds. PIN="taskset -c 0" pins the JVM.
  local id="$1" master="$2"; shift 2
  rm -rf "$out/runs/$id"
  local t0; t0=$(now)
  # shellcheck disable=SC2086
  SPARK_HPO_MASTER="$master" ${PIN:-} scripts/run-local.sh $conf --set hpo.output.dir="$out/runs" --set hpo.run-id="$id" "$@" \
    >"$out/$id.log" 2>&1
  secs "$t0" "$(now)"
}
# A first, untimed run writes the class data sharing archive of the jar just built (scripts/class-archive.sh), which
# every later run uses, as every run after the first does on a user's machine.
run_job warm-up "local[2]" --set hpo.data.max-train-rows=200 --set hpo.training.epochs=1 >/dev/null
echo "bench: spark-hpo rounds of trivial trials (scheduling overhead)" >&2
run_job overhead "local[2]" --set hpo.data.max-train-rows=200 --set hpo.training.epochs=1 --set hpo.search.parallelism=8 >/dev/null
trivial_round=$(grep -o 'round 0: 8 trials in [0-9]* packs in [0-9.]*s' "$out/overhead.log" | awk '{print $9}' | tr -d s)
echo "bench: spark-hpo 8-configuration grid on local[2]" >&2
hpo_wall=$(run_job grid-2 "local[2]")
hpo_acc=$(json_get "$out/runs/grid-2/best.json" "['test']['accuracy']")
hpo_best=$(json_get "$out/runs/grid-2/best.json" "['params']")
round_overhead=$(grep -o 'overhead at most [0-9.]*s' "$out/grid-2.log" | head -1 | awk '{print $4}' | tr -d s)
timing_2=$(grep -o 'timing: .*' "$out/grid-2.log" | head -1)
outside_2=$(echo "$timing_2" | grep -o 'outside the search [0-9.]*s' | awk '{print $4}' | tr -d s)

scaling=""
if [ "$skip_scaling" = false ]; then
  echo "bench: scaling" >&2
  hpo_wall_1=$(run_job grid-1 "local[1]")
  hpo_wall_2t=$(run_job grid-2t "local[2]" --set hpo.training.threads=2)
  # local[1] leaves the JVM's JIT compiler and garbage collector the second core; pinned to one CPU, the whole JVM
  # has one core, as on a one-core machine.
  hpo_wall_1p=$(PIN="taskset -c 0" run_job grid-1p "local[1]")
  trials_2=$(grep -c . "$out/runs/grid-2/trials.jsonl"); trials_1=$(grep -c . "$out/runs/grid-1/trials.jsonl")
  search_of() { grep -o 'round [0-9]*: [0-9]* trials in [0-9]* packs in [0-9.]*s' "$out/$1.log" | awk '{s+=$9} END {print s}'; }
  search_2=$(search_of grid-2); search_1=$(search_of grid-1); search_2t=$(search_of grid-2t)
  search_1p=$(search_of grid-1p)
  # Throughput over rounds that fill both cores with full packs: random search over the grid's ranges, 48 trials in
  # rounds of 16: local[2] trains two packs of 8 at once; local[1] pinned to one CPU trains the same two packs one
  # after the other (pack-size 8), or as one pack of 16 (pack-size auto, a wider and faster product).
  rounds=(--set hpo.search.strategy=random --set hpo.search.trials=48 --set hpo.search.parallelism=16
    --set "hpo.search.space=[{name=l2, low=1e-4, high=1e-1, scale=log}, {name=learning-rate, low=0.002, high=0.01, scale=log}]")
  run_job rounds-2 "local[2]" "${rounds[@]}" >/dev/null
  PIN="taskset -c 0" run_job rounds-1p8 "local[1]" "${rounds[@]}" --set hpo.spark.pack-size=8 >/dev/null
  PIN="taskset -c 0" run_job rounds-1p "local[1]" "${rounds[@]}" >/dev/null
  rounds_2=$(search_of rounds-2); rounds_1p8=$(search_of rounds-1p8); rounds_1p=$(search_of rounds-1p)
  round_times() { grep -o 'round [0-9]*: [0-9]* trials in [0-9]* packs in [0-9.]*s' "$out/$1.log" | awk '{print $9}' | paste -sd, | sed 's/,/, /g'; }
  rows_table=""; trials_table=""
  if [ "$skip_tables" = false ]; then
  for rows in 15000 30000 60000; do
    r=$(java_run org.sparkhpo.bench.EpochBenchmark $conf 3 hpo.data.max-train-rows=$rows)
    rows_table+="| rows | $(echo "$r" | awk '{print $3" x "$4" | "$2}') |"$'\n'
  done
  for cols in 196 392 784; do
    r=$(java_run -Dbench.columns=$cols org.sparkhpo.bench.EpochBenchmark $conf 3)
    rows_table+="| features | $(echo "$r" | awk '{print $3" x "$4" | "$2}') |"$'\n'
  done
  for n in 4 8 16; do
    values=$(python3 -c "print(', '.join(str(10**(-4 + 3*i/($n-1))) for i in range($n)))")
    w=$(run_job "trials-$n" "local[2]" --set "hpo.search.space=[{name=l2, values=[$values]}]" --set hpo.training.epochs=5)
    s=$(grep -o 'round [0-9]*: [0-9]* trials in [0-9]* packs in [0-9.]*s' "$out/trials-$n.log" | awk '{s+=$9} END {print s}')
    trials_table+="| trials | $n trials x 5 epochs, 50000 x 784 | $s (search), $w (job) |"$'\n'
  done
  fi
  scaling=$(cat <<TXT

Scaling (seconds per epoch of one trial on one thread, or search wall time on local[2]):

| axis | size | seconds |
|---|---|---|
${rows_table}${trials_table}
Cores: the 8-configuration grid searched in ${search_1} s on local[1] (one pack of 8), ${search_2} s on local[2]
(two packs of 4, one per core; trials per second ratio 2 cores / 1 core:
$(python3 -c "print(f'{($trials_2/$search_2)/($trials_1/$search_1):.2f}')")x) and ${search_2t} s on local[2] with
hpo.training.threads=2 (one pack of 8 on both cores, whole job ${hpo_wall_2t} s; ratio
$(python3 -c "print(f'{($trials_2/$search_2t)/($trials_1/$search_1):.2f}')")x). With the whole JVM pinned to one CPU
(\`taskset -c 0\`, local[1]: JIT compiler and garbage collector on the same core, as on a one-core machine) the
search took ${search_1p} s (whole job ${hpo_wall_1p} s): local[2] against it
$(python3 -c "print(f'{($trials_2/$search_2)/($trials_1/$search_1p):.2f}')")x, local[2] with threads=2
$(python3 -c "print(f'{($trials_2/$search_2t)/($trials_1/$search_1p):.2f}')")x.

Rounds that fill both cores (random search over the grid's ranges, 48 trials in rounds of 16, 20 epochs): the search
took ${rounds_2} s on local[2] (two packs of 8 at once; rounds $(round_times rounds-2)), ${rounds_1p8} s on local[1] pinned
to one CPU with the same packs one after the other (pack-size 8; rounds $(round_times rounds-1p8)): trials per second
2 cores / 1 core $(python3 -c "print(f'{$rounds_1p8/$rounds_2:.2f}')")x; ${rounds_1p} s on local[1] pinned with pack-size auto (one pack of 16; rounds
$(round_times rounds-1p)): $(python3 -c "print(f'{$rounds_1p/$rounds_2:.2f}')")x.
TXT
)
fi

mllib_fit="-"; mllib_acc="-"; mllib_best="-"
if [ "$skip_mllib" = false ]; then
  echo "bench: MLlib TrainValidationSplit (several minutes)" >&2
  read -r _ mllib_fit mllib_acc mllib_best < <(java_run org.sparkhpo.bench.MllibBaseline $conf "local[2]" \
    1e-4,1e-3,1e-2,1e-1 50,100 "$out/mllib-data")
fi

pack_bound=$(python3 -c "print(f'{float(\"${gemm_pack#* }\")/8:.4f}')")
gemm_gain=$(python3 -c "print(f'{float(\"${gemm_f#* }\")*8/float(\"${gemm_pack#* }\"):.2f}')")
cores_ratio="-"; cores_ratio_pinned="-"; rounds_ratio_same="-"; rounds_ratio_auto="-"
if [ "$skip_scaling" = false ]; then
  cores_ratio=$(python3 -c "print(f'{($trials_2/$search_2)/($trials_1/$search_1):.2f}')")
  cores_ratio_pinned=$(python3 -c "print(f'{($trials_2/$search_2)/($trials_1/$search_1p):.2f}')")
  rounds_ratio_same=$(python3 -c "print(f'{$rounds_1p8/$rounds_2:.2f}')")
  rounds_ratio_auto=$(python3 -c "print(f'{$rounds_1p/$rounds_2:.2f}')")
fi
ratio() { python3 -c "a,b='$1','$2'; print('-' if '-' in (a,b) else f'{float(a)/float(b):.1f}x')"; }
table=$(cat <<TXT
## $(date -u +%Y-%m-%d) full Fashion-MNIST (50,000 train / 10,000 validation / 10,000 test, 784 features, 10 classes)

Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), BLAS ${blas} (one thread per task).
Command: \`${command_line}\`

| what | wall (s) | test accuracy | per epoch (s) | spark-hpo is |
|---|---|---|---|---|
| spark-hpo, 8-configuration grid (${hpo_best} best), local[2], whole job | ${hpo_wall} | ${hpo_acc} | ${epoch_f} (float), ${epoch_d} (double) | |
| MLlib TrainValidationSplit, 8 configurations, parallelism 2 (${mllib_best} best), fit only | ${mllib_fit} | ${mllib_acc} | | $(ratio "$mllib_fit" "$hpo_wall") faster |
| scikit-learn SGDClassifier, one-vs-rest, n_jobs 1, 10 epochs | | ${sk_acc} | ${sk_epoch} | $(ratio "$sk_epoch" "$epoch_f") faster per epoch |
| GEMM lower bound of one epoch (4 n d k flops) | | | ${gemm_f#* } (float, $(echo "$gemm_f" | awk '{print $1}') GFLOP/s), ${gemm_d#* } (double, $(echo "$gemm_d" | awk '{print $1}') GFLOP/s) | $(ratio "$epoch_f" "${gemm_f#* }") (float) and $(ratio "$epoch_d" "${gemm_d#* }") (double) of the bound |

Memory of the broadcast part (train + validation): $(echo "$mem_f" | awk '{printf "float: %s MB of arrays, %s MB serialized by Kryo (%sx), heap used %s MB", $3, $4, $5, $6}');
$(echo "$mem_d" | awk '{printf "double: %s MB of arrays, %s MB serialized (%sx), heap used %s MB", $3, $4, $5, $6}') (one JVM holding the data, after a full GC).

Packed trials (issue 13), one thread: the 8 grid configurations trained 2 epochs each one by one gave
$(echo "$pack" | awk '{print $4}') trial-epochs/s, as one pack $(echo "$pack" | awk '{print $5}') trial-epochs/s: $(echo "$pack" | awk '{print $6}')x; with each epoch
scored on the validation part as in a trial: $(echo "$pack_v" | awk '{print $4}') vs $(echo "$pack_v" | awk '{print $5}') trial-epochs/s, $(echo "$pack_v" | awk '{print $6}')x. GEMM bound
of a trial-epoch (float): ${gemm_f#* } s alone (k = 10 columns, $(echo "$gemm_f" | awk '{print $1}') GFLOP/s), ${pack_bound} s in a pack of 8
(k = 80 columns, $(echo "$gemm_pack" | awk '{print $1}') GFLOP/s): the GEMM itself gains ${gemm_gain}x from the wider product (in cache).
The two products alone as in training (\`ProductsBenchmark\`: shuffled blocks read in place, conversions included), one by
one $(echo "$products" | awk '{print $3}') model-epochs/s, as one pack $(echo "$products" | awk '{print $4}'): $(echo "$products" | awk '{print $5}')x, the ceiling of the pack's gain (its
per-model work, loss, score gradient, step and average, is the same as one by one and dilutes the ratio toward 1).
Whole job on local[2] outside the search: ${outside_2} s (${timing_2}).

Two cores, the training kernel alone (\`CoreScaling\`, no Spark, 2 epochs with validation, trial-epochs/s): one pack of 8 on
one thread $(echo "$cores_kernel" | awk '{print $2}'), two packs of 4 on two threads at once $(echo "$cores_kernel" | awk '{print $3}') ($(echo "$cores_kernel" | awk '{print $5}')x: what local[2] can reach
against local[1] on this grid), two packs of 8 on two threads $(echo "$cores_kernel" | awk '{print $4}') ($(echo "$cores_kernel" | awk '{print $6}')x: the machine's two-core scaling at equal width),
one pack of 8 on two threads (threads=2) $(echo "$cores_kernel" | awk '{print $7}') ($(echo "$cores_kernel" | awk '{print $8}')x).

| issue 13 target | measured here | target |
|---|---|---|
| whole grid job vs MLlib TrainValidationSplit fit | $(ratio "$mllib_fit" "$hpo_wall"), test accuracy ${hpo_acc} vs ${mllib_acc} | >= 25x, at least MLlib's accuracy |
| pack of 8 vs the same 8 one by one, one thread (trial-epochs/s) | $(echo "$pack" | awk '{print $6}')x without validation, $(echo "$pack_v" | awk '{print $6}')x with (the products alone: $(echo "$products" | awk '{print $5}')x) | >= 2x |
| trials/s on 2 cores vs 1 (search part) | rounds of 16: ${rounds_ratio_same}x against local[1] pinned with the same packs, ${rounds_ratio_auto}x against local[1] pinned packing 16 wide; 8-configuration grid: ${cores_ratio}x against local[1], ${cores_ratio_pinned}x against local[1] pinned (the kernel alone, no Spark: $(echo "$cores_kernel" | awk '{print $5}')x for the grid's packs, $(echo "$cores_kernel" | awk '{print $6}')x for two packs of 8) | >= 1.9x |
| job time outside the search (JVM, Spark start, data, retrain, test, write) | ${outside_2} s | < 5 s |

Round scheduling overhead: a round of 8 trivial trials (200 rows, 1 epoch) took ${trivial_round} s wall;
in the grid run the first round's wall time exceeded its training time over 2 slots by at most ${round_overhead} s.
${scaling}
TXT
)
echo "$table"
printf '\n%s\n' "$table" >> BENCHMARKS.md
echo "bench: appended to BENCHMARKS.md" >&2
