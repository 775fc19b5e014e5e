#!/usr/bin/env bash
# Submits spark-hpo to a cluster with spark-submit: the shaded jar, the configuration file shipped with --files
# and selected with -Dconfig.file, conf/log4j2.properties for the driver and the executors, and the JVM options
# Spark 4 needs on Java 17 (scripts/spark-java-options.sh) for both.
#
#   scripts/submit.sh --master URL [--deploy-mode client|cluster] [--config FILE] [--dry-run]
#                     [SPARK-SUBMIT OPTION]... [-- JOB ARGUMENT...]
#
# Any other option before "--" goes to spark-submit unchanged (--executor-memory 4g, --num-executors 8, ...);
# everything after "--" goes to the job (--set key=value, --resume RUN_ID, --nightly). --dry-run prints the
# command instead of running it. spark-submit is $SPARK_HOME/bin/spark-submit, else the one on PATH; set
# SPARK_SUBMIT to choose another. The jar is target/spark-hpo-0.1.0-SNAPSHOT.jar; set SPARK_HPO_JAR to ship
# another. Examples (README.md, "Running on a cluster"):
#   scripts/submit.sh --master spark://master:7077 --config conf/my-job.conf --total-executor-cores 16
#   scripts/submit.sh --master yarn --deploy-mode cluster --config conf/my-job.conf --num-executors 8 \
#     -- --set hpo.output.dir=hdfs:///hpo/runs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=spark-java-options.sh
source "$root/scripts/spark-java-options.sh"

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

master="${SPARK_HPO_MASTER:-}"
deploy_mode="client"
config=""
dry_run=false
spark_args=()
job_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) [ $# -ge 2 ] || usage; master="$2"; shift 2 ;;
    --deploy-mode) [ $# -ge 2 ] || usage; deploy_mode="$2"; shift 2 ;;
    --config) [ $# -ge 2 ] || usage; config="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage ;;
    --) shift; job_args=("$@"); break ;;
    *) spark_args+=("$1"); shift ;;
  esac
done
[ -n "$master" ] || { echo "submit.sh: --master is required (or set SPARK_HPO_MASTER)" >&2; exit 2; }
case "$deploy_mode" in
  client|cluster) ;;
  *) echo "submit.sh: --deploy-mode '$deploy_mode' must be client or cluster" >&2; exit 2 ;;
esac

jar="${SPARK_HPO_JAR:-$root/target/spark-hpo-0.1.0-SNAPSHOT.jar}"
log4j="$root/conf/log4j2.properties"
files="$log4j"
if [ -n "$config" ]; then
  [ -f "$config" ] || { echo "submit.sh: --config '$config': file does not exist" >&2; exit 2; }
  config="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
  files="$files,$config"
fi
# Where the driver reads the files: in client mode it runs here and reads the local files. In YARN cluster mode
# it runs in a container whose working directory holds the --files copies. A standalone master (spark://) in
# cluster mode starts the driver on a worker without copying --files into its working directory (they reach
# the executors only), so the driver reads the files by their absolute paths, which must exist on every worker
# (a shared file system), as the jar's must; and spark-submit waits for the driver to end, so that its exit
# code says whether the job succeeded rather than that the submission was accepted.
wait_for_driver=()
if [ "$deploy_mode" = cluster ] && [[ "$master" != spark://* ]]; then
  driver_log4j="log4j2.properties"
  driver_config="$(basename "${config:-none}")"
else
  driver_log4j="$log4j"
  driver_config="$config"
fi
if [ "$deploy_mode" = cluster ] && [[ "$master" == spark://* ]]; then
  wait_for_driver=(--conf spark.standalone.submit.waitAppCompletion=true)
fi
driver_options="$SPARK_JAVA_OPTIONS -Dlog4j2.configurationFile=$driver_log4j"
if [ -n "$config" ]; then
  driver_options="$driver_options -Dconfig.file=$driver_config"
fi
# Executors always find the --files copy in their working directory.
executor_options="$SPARK_JAVA_OPTIONS -Dlog4j2.configurationFile=log4j2.properties"

submit="${SPARK_SUBMIT:-}"
if [ -z "$submit" ]; then
  if [ -n "${SPARK_HOME:-}" ]; then submit="$SPARK_HOME/bin/spark-submit"; else submit="spark-submit"; fi
fi
command=("$submit" --master "$master" --deploy-mode "$deploy_mode"
  --class org.sparkhpo.app.HpoJob
  --files "$files"
  --driver-java-options "$driver_options"
  --conf "spark.executor.extraJavaOptions=$executor_options"
  --conf "spark.executorEnv.OPENBLAS_NUM_THREADS=1"
  ${wait_for_driver[@]+"${wait_for_driver[@]}"}
  ${spark_args[@]+"${spark_args[@]}"}
  "$jar" ${job_args[@]+"${job_args[@]}"})

if [ "$dry_run" = true ]; then
  printf '%q ' "${command[@]}"
  printf '\n'
  exit 0
fi
[ -f "$jar" ] || { echo "submit.sh: $jar is missing; build it with: mvn -B -DskipTests package" >&2; exit 2; }
command -v "$submit" >/dev/null 2>&1 || { echo "submit.sh: '$submit' not found; set SPARK_HOME or SPARK_SUBMIT" >&2; exit 2; }
if [ ${#wait_for_driver[@]} -eq 0 ]; then
  exec "${command[@]}"
fi
# Standalone cluster mode: spark-submit exits 0 once the driver has ended, whether it finished or failed, so its
# last state decides the exit code here (the driver's own code and messages are in the worker's work directory,
# work/<driver id>/stderr).
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
set +e
"${command[@]}" 2>&1 | tee "$output"
code=${PIPESTATUS[0]}
set -e
state="$(sed -n 's/.*State of driver \(driver-[0-9-]*\) is \([A-Z]*\), exiting.*/\1 \2/p' "$output" | tail -n 1)"
if [ "$code" -eq 0 ] && [ -n "$state" ] && [ "${state#* }" != FINISHED ]; then
  echo "submit.sh: driver ${state% *} ended ${state#* }; its messages are in the worker's work/${state% *}/stderr" >&2
  exit 1
fi
exit "$code"
