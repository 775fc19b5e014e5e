#!/usr/bin/env bash
# The training kernel on one and two threads (bench.ThreadsKernelBenchmark, no Spark), full Fashion-MNIST, 2 epochs
# with validation: the grid's 8 configurations as one pack and its first configuration alone (the final
# retraining's shape), each on 1 and on 2 threads, medians of 7 repetitions. With several checkouts (for example
# main and a worktree of an older commit, each built with `mvn -DskipTests test-compile`), they are alternated
# REPS times so they see the same machine load (an older checkout without the benchmark class uses this one's). Prints a Markdown table and the machine's one-thread sgemm
# throughput (the GEMM bound); about a minute per checkout and repetition on 2 cores.
#   scripts/bench-threads-kernel.sh REPS [DIR ...]        (default DIR: this checkout)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
reps="${1:-3}"; shift || true
dirs=("$@"); [ ${#dirs[@]} -gt 0 ] || dirs=("$root")
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
mvn -B -q -Dstyle.color=never -DskipTests test-compile >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >&2
export OPENBLAS_NUM_THREADS=1
deps="$(cat target/test-classpath.txt)"
# shellcheck disable=SC2086
java_in() { local dir="$1"; shift; java -Xmx8g $SPARK_JAVA_OPTIONS \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" -cp "$dir/target/test-classes:$dir/target/classes:$root/target/test-classes:$deps" \
  "$@" 2>/dev/null; }
uptime_before=$(uptime)
echo "| checkout | run | pack of 8, 1 thread | pack of 8, 2 threads | one model, 1 thread | one model, 2 threads |"
echo "|---|---|---|---|---|---|"
for rep in $(seq 1 "$reps"); do
  for dir in "${dirs[@]}"; do
    line=$(java_in "$dir" org.sparkhpo.bench.ThreadsKernelBenchmark conf/fashion-mnist.conf 2 | grep '^threads')
    read -r _ p1 p2 o1 o2 <<< "$line"
    echo "| $dir | $rep | $p1 | $p2 | $o1 | $o2 |"
  done
done
echo
echo "Trial-epochs/s (medians of 7 repetitions per run). GEMM bound: $(scripts/gemm-bound.sh 50000 784 10 128)"
echo "Load before: $uptime_before"
echo "Load after: $(uptime)"
