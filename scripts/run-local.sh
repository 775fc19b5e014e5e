#!/usr/bin/env bash
# Runs spark-hpo in Spark local mode, with Spark taken from the Maven classpath (no Spark install needed).
#   scripts/run-local.sh [CONF] [--set key=value]...     (CONF defaults to conf/local.conf)
# Builds the jar first when it is missing or older than the sources. Environment:
#   SPARK_HPO_MEMORY  driver heap (default 6g)    SPARK_HPO_MASTER  Spark master (default local[*])
#   SPARK_HPO_CDS     0 turns off the class data sharing archive of scripts/class-archive.sh (default on)
#   SPARK_HPO_LOG4J   a log4j2 configuration file instead of conf/log4j2.properties (e.g. Spark's INFO lines)
#   SPARK_HPO_JAVA_EXTRA  more JVM options (e.g. -XX:StartFlightRecording=... for a profile)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"

# shellcheck source=build-jar.sh
source "$root/scripts/build-jar.sh"
# shellcheck source=class-archive.sh
source "$root/scripts/class-archive.sh"

conf="conf/local.conf"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  conf="$1"
  shift
fi
# conf/parquet.conf reads a Parquet copy of the embedded data: write it with Spark the first time.
if grep -q "data/fashion-mnist-small-parquet/" "$conf" 2>/dev/null \
    && [ ! -d data/fashion-mnist-small-parquet/test.parquet ]; then
  scripts/parquet-copy.sh data/fashion-mnist-small data/fashion-mnist-small-parquet
fi
master_args=()
if [ -n "${SPARK_HPO_MASTER:-}" ]; then
  master_args=(--set "hpo.spark.master=$SPARK_HPO_MASTER")
fi

# Local mode runs every task in this JVM: one BLAS thread per task, or tasks fight over the cores.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
# Local mode talks to itself only; binding to loopback also avoids the hostname warning.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java -Xmx"${SPARK_HPO_MEMORY:-6g}" $SPARK_JAVA_OPTIONS "${class_archive_options[@]}" ${SPARK_HPO_JAVA_EXTRA:-} \
  -Dlog4j2.configurationFile="${SPARK_HPO_LOG4J:-$root/conf/log4j2.properties}" \
  -cp "$jar:$(cat "$classpath_file")" org.sparkhpo.app.HpoJob "$conf" "${master_args[@]}" "$@"
