#!/usr/bin/env bash
# Writes a Parquet copy (MLlib's layout: a label column and a features vector column) of an IDX data set
# with Spark, from the Maven classpath (no Spark install needed):
#   scripts/parquet-copy.sh IDX_DIR OUT_DIR
# reads IDX_DIR/train-images-idx3-ubyte.gz and IDX_DIR/t10k-images-idx3-ubyte.gz (with their labels files) and
# writes OUT_DIR/train.parquet and OUT_DIR/test.parquet; an existing copy is left alone. Examples:
#   scripts/parquet-copy.sh data/fashion-mnist-small data/fashion-mnist-small-parquet   (conf/parquet.conf)
#   scripts/parquet-copy.sh data/fashion-mnist data/fashion-mnist-parquet               (the benchmarks)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
if [ $# -ne 2 ]; then
  echo "usage: scripts/parquet-copy.sh IDX_DIR OUT_DIR" >&2
  exit 2
fi
# shellcheck source=build-jar.sh
source "$root/scripts/build-jar.sh"
mkdir -p "$2"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
java -Xmx"${SPARK_HPO_MEMORY:-6g}" $SPARK_JAVA_OPTIONS \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$jar:$(cat "$classpath_file")" org.sparkhpo.spark.ParquetCopy \
  "$1/train-images-idx3-ubyte.gz" "$2/train.parquet" "$1/t10k-images-idx3-ubyte.gz" "$2/test.parquet"
