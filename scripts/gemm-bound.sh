#!/usr/bin/env bash
# Prints the machine's single-thread GEMM throughput for the training kernel's shapes (the GEMM bound of an epoch),
# as org.sparkhpo.bench.GemmThroughput prints it: one line per precision, "gemm BLAS precision GFLOP/s seconds".
#   scripts/gemm-bound.sh [ROWS FEATURES COLUMNS BATCH]     (default 50000 784 10 128: full Fashion-MNIST, softmax)
# Sourced or run from the repository; builds the test classes and the test classpath first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"
mvn -B -q -Dstyle.color=never -DskipTests test-compile >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
# shellcheck disable=SC2086
java -Xmx4g $SPARK_JAVA_OPTIONS -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.sparkhpo.bench.GemmThroughput "${1:-50000}" "${2:-784}" "${3:-10}" "${4:-128}" 2>/dev/null
