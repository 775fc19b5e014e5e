#!/usr/bin/env bash
# Parquet against IDX on full Fashion-MNIST, in one invocation on this machine: time to read and prepare the
# data (ReadBenchmark, alternating the two in one JVM), and the 8-configuration grid job of
# conf/fashion-mnist.conf from each, with the GEMM bound of one thread beside it. Appends a table to
# BENCHMARKS.md.  Usage: scripts/bench-parquet.sh [REPEATS]   (about 5 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
repeats="${1:-3}"
[ -f data/fashion-mnist/train-images-idx3-ubyte.gz ] || scripts/get-fashion-mnist.sh
scripts/parquet-copy.sh data/fashion-mnist data/fashion-mnist-parquet
mvn -B -q -Dstyle.color=never -DskipTests package >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
out="target/bench-parquet"; rm -rf "$out"; mkdir -p "$out"
cp_all="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
export OPENBLAS_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2086
java_run() { java -Xmx8g $SPARK_JAVA_OPTIONS -Dlog4j2.configurationFile="$root/conf/log4j2.properties" -cp "$cp_all" "$@" 2>>"$out/stderr.log"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
json_get() { python3 -c "import json; d=json.load(open('$1')); print(d$2)"; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "bench-parquet: GEMM bound" >&2
gemm=$(java_run org.sparkhpo.bench.GemmThroughput 50000 784 10 128 | grep float)
echo "bench-parquet: read and prepare, $repeats repeats" >&2
java_run org.sparkhpo.bench.ReadBenchmark conf/fashion-mnist.conf data/fashion-mnist-parquet/train.parquet \
  data/fashion-mnist-parquet/test.parquet "$repeats" > "$out/read.txt"
idx_reads=$(grep '^read idx' "$out/read.txt" | cut -d' ' -f3-)
parquet_reads=$(grep '^read parquet' "$out/read.txt" | cut -d' ' -f3-)
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" $1; }

run_job() {  # id, extra --set arguments
  local id=$1; shift
  local t0; t0=$(now)
  SPARK_HPO_MASTER="local[2]" scripts/run-local.sh conf/fashion-mnist.conf --set hpo.output.dir="$out/runs" \
    --set hpo.run-id="$id" "$@" >"$out/$id.log" 2>&1
  secs "$t0" "$(now)"
}
echo "bench-parquet: grid job on IDX, then on Parquet" >&2
idx_wall=$(run_job grid-idx)
parquet_wall=$(run_job grid-parquet --set hpo.data.format=parquet \
  --set hpo.data.train=data/fashion-mnist-parquet/train.parquet --set hpo.data.test=data/fashion-mnist-parquet/test.parquet)
idx_acc=$(json_get "$out/runs/grid-idx/best.json" "['test']['accuracy']")
parquet_acc=$(json_get "$out/runs/grid-parquet/best.json" "['test']['accuracy']")
data_line=$(grep '^data' "$out/read.txt")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

table=$(cat <<EOT

## $(date -u +%Y-%m-%d) Parquet against IDX on full Fashion-MNIST (issue 16)

Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1). Command: \`scripts/bench-parquet.sh $repeats\`.
Load average before / after: $load_before / $load_after (the machine was shared with other builds when this is above 2).
Data: $(echo "$data_line" | awk '{print $2}') train / $(echo "$data_line" | awk '{print $3}') validation rows, $(echo "$data_line" | awk '{print $4}') features, $(echo "$data_line" | awk '{print $5}') MB prepared (float); Parquet copy in MLlib's layout (label, dense features vector) written by \`scripts/parquet-copy.sh\` ($(du -sh data/fashion-mnist-parquet | cut -f1) on disk against $(du -shL data/fashion-mnist | cut -f1) of gzipped IDX).
GEMM bound (one thread, single precision, batch 128): $gemm (BLAS, GFLOP/s, seconds per epoch of 50,000 rows).

| what | IDX | Parquet | Parquet / IDX |
|---|---|---|---|
| read and prepare train + test, seconds (each repeat) | $idx_reads | $parquet_reads | |
| read and prepare, median seconds | $(median "$idx_reads") | $(median "$parquet_reads") | $(python3 -c "print(f'{$(median "$parquet_reads")/$(median "$idx_reads"):.2f}x')") |
| grid job \`conf/fashion-mnist.conf\` on local[2], wall seconds | $idx_wall | $parquet_wall | $(python3 -c "print(f'{$parquet_wall/$idx_wall:.2f}x')") |
| best test accuracy | $idx_acc | $parquet_acc | |
EOT
)
echo "$table"
echo "$table" >> BENCHMARKS.md
