#!/usr/bin/env bash
# Runs spark-hpo with its defaults on small public data sets and compares with a tuned scikit-learn reference.
#   scripts/bench-datasets.sh [--no-append]
# For every set (scripts/bench_datasets.py: scikit-learn's iris, wine, breast_cancer, digits, diabetes, and two
# Fashion-MNIST subsets from the Debian package dataset-fashion-mnist) and both formats (LIBSVM, CSV), it writes a
# configuration holding only the data paths, the loss and the metric, runs the job in local mode with 2 cores,
# and reads the test metric from best.json. Prints a table and appends it to BENCHMARKS.md.
# Needs Debian's python3-sklearn (benchmark only; the job never uses Python).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
append=1
[ "${1:-}" = "--no-append" ] && append=0
work="$(mktemp -d /tmp/spark-hpo-bench-datasets.XXXXXX)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 scripts/bench_datasets.py "$work/data" > "$work/references.jsonl"
table="$work/table.md"
{
  echo "| data set | format | rows | features | test metric | spark-hpo | reference | difference | majority baseline | within target | wall time |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "$table"

while IFS= read -r line; do
  name=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["name"])' "$line")
  loss=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["loss"])' "$line")
  metric=accuracy
  [ "$loss" = "least-squares" ] && metric=rmse
  for format in libsvm csv; do
    conf="$work/$name-$format.conf"
    cat > "$conf" <<CONF
hpo {
  data.train = "$work/data/$name-train.$format"
  data.test = "$work/data/$name-test.$format"
  model.loss = $loss
  metric.name = $metric
}
CONF
    start=$(date +%s.%N)
    SPARK_HPO_MASTER='local[2]' scripts/run-local.sh "$conf" --set "hpo.output.dir=$work/runs" \
      --set "hpo.run-id=$name-$format" > "$work/$name-$format.log" 2>&1 || echo "exit $? for $name $format" >&2
    end=$(date +%s.%N)
    /usr/bin/python3 - "$line" "$format" "$work/runs/$name-$format/best.json" "$start" "$end" >> "$table" <<'PY'
import json, sys
ref = json.loads(sys.argv[1]); fmt = sys.argv[2]
try:
    best = json.load(open(sys.argv[3]))
    test = best["test"] or {}
except (OSError, ValueError):
    test = {}
wall = float(sys.argv[5]) - float(sys.argv[4])
regression = ref["loss"] == "least-squares"
key = "rmse" if regression else "accuracy"
ours = test.get(key)
if ours is None:
    print(f"| {ref['name']} | {fmt} | {ref['rows']} | {ref['features']} | {key} | no model | {ref['reference']:.4f} | - | {ref['majority']:.4f} | no | {wall:.1f} s |")
    sys.exit()
if regression:
    diff = (ours - ref["reference"]) / ref["reference"]
    ok = diff <= 0.03
    shown = f"{100 * diff:+.1f} %"
else:
    diff = ours - ref["reference"]
    ok = diff >= -max(0.01, 1.0 / ref["test_rows"]) - 1e-9
    shown = f"{100 * diff:+.1f} pp"
print(f"| {ref['name']} | {fmt} | {ref['rows']} | {ref['features']} | {key} | {ours:.4f} | {ref['reference']:.4f} | {shown} | {ref['majority']:.4f} | {'yes' if ok and wall < 60 else 'no'} | {wall:.1f} s |")
PY
  done
done < "$work/references.jsonl"

cat "$table"
if [ "$append" = 1 ]; then
  {
    echo
    echo "## Defaults on small public data sets (scripts/bench-datasets.sh, $(date -u +%Y-%m-%d))"
    echo
    echo "Command: \`scripts/bench-datasets.sh\`. Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "at the end (shared with other jobs). Each run: \`local[2]\`, a configuration of data paths, loss and metric"
    echo "only; wall time of the whole JVM (start, data, search, final model). Reference: StandardScaler +"
    echo "LogisticRegression, C tuned by 5-fold CV (Ridge, alpha tuned, for diabetes) on the same 80/20 split."
    echo "Target: accuracy within max(1 pp, one test row) of the reference, RMSE within 3 %, under 60 s."
    echo
    cat "$table"
  } >> BENCHMARKS.md
fi
