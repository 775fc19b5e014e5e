#!/usr/bin/env bash
# Profiles one spark-hpo trial end to end (data loading, Spark start, the trial, the final model), then the
# training kernel alone, with Java Flight Recorder, and prints where the time goes as Markdown tables.
#   scripts/profile.sh [CONF] [--set key=value]...   (default: conf/fashion-mnist.conf, first grid point only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
conf="${1:-conf/fashion-mnist.conf}"; [ $# -gt 0 ] && shift
mkdir -p target/profile
recording="target/profile/trial.jfr"
SPARK_HPO_JAVA_EXTRA="-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=$recording,settings=$root/scripts/profile/sampling.jfc" \
  scripts/run-local.sh "$conf" --set hpo.search.trials=1 --set hpo.output.dir=target/profile/runs "$@" >&2
jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample "$recording" > target/profile/trial.json
echo "Whole job with one trial ($conf):"
python3 scripts/profile/where_time_goes.py target/profile/trial.json

# The kernel alone: 20 epochs of one trial, three times, in one thread, no Spark.
[ -f target/test-classpath.txt ] || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >&2
mvn -B -q test-compile >&2
# shellcheck source=spark-java-options.sh
source scripts/spark-java-options.sh
# shellcheck disable=SC2086
OPENBLAS_NUM_THREADS=1 java -Xmx6g $SPARK_JAVA_OPTIONS \
  -XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=target/profile/kernel.jfr,settings="$root/scripts/profile/sampling.jfc" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.sparkhpo.bench.EpochBenchmark \
  "$conf" 20 "$@" 2>/dev/null | sed 's/^/# /' >&2
jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample target/profile/kernel.jfr > target/profile/kernel.json
echo
echo "Training alone (org.sparkhpo.bench.EpochBenchmark, one thread, 4 x 20 epochs after data loading):"
python3 scripts/profile/where_time_goes.py target/profile/kernel.json
