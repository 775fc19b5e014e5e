#!/usr/bin/env bash
# Measures what report.html costs (issue 15), in one invocation on this machine:
#  1. the embedded run (scripts/run-local.sh, conf/local.conf) with hpo.output.report=true and =false,
#     alternating, REPS times each (default 3): wall time of each run, and the time the run itself logged for
#     writing the report ("report.html: written N times in X ms");
#  2. a synthetic journal of 1,000 trials (SyntheticTrials, test classpath): the page's own time from
#     navigation start until every chart drew (data-render-ms), read with headless Chromium's --dump-dom, and
#     the wall time of the whole chromium process, REPS times.
# Prints a Markdown table; append it to BENCHMARKS.md by hand with the machine's load (uptime).
#   scripts/bench-report.sh [REPS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
reps="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync)

echo "| run | report | wall (s) | report writing logged by the run (ms) |"
echo "|---|---|---|---|"
for r in $(seq 1 "$reps"); do
  for report in true false; do
    start=$(now)
    scripts/run-local.sh conf/local.conf --set "hpo.output.dir=$work/runs" --set "hpo.run-id=$report-$r" \
      --set "hpo.output.report=$report" > "$work/log-$report-$r" 2>&1
    end=$(now)
    logged=$(grep -o 'report.html: written [0-9]* times in [0-9.]* ms' "$work/log-$report-$r" \
      | sed 's/.* in \([0-9.]*\) ms/\1/' || true)
    printf '| %d | %s | %.2f | %s |\n' "$r" "$report" "$(echo "$end - $start" | bc)" "${logged:--}"
  done
done

mvn -B -q -Dstyle.color=never test-compile >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/test-classpath.txt" >&2
java -cp "target/classes:target/test-classes:$(cat "$work/test-classpath.txt")" \
  org.sparkhpo.report.html.SyntheticTrials 1000 "$work/report-1000.html" 2>&1 | grep 'page of' || true
gemm=$(java -cp "target/classes:target/test-classes:$(cat "$work/test-classpath.txt")" \
  org.sparkhpo.bench.GemmThroughput 8000 784 10 128 2>/dev/null | awk '$3=="float"{print $2" sgemm "$4" GFLOP/s"}')
echo "GEMM bound in this invocation (one thread, 784 x 10, batch 128): ${gemm:-not measured}"
echo
echo "| 1,000-trial page ($(du -k "$work/report-1000.html" | cut -f1) KB) | time to every chart drawn (data-render-ms) | chromium process wall (s) |"
echo "|---|---|---|"
for r in $(seq 1 "$reps"); do
  start=$(now)
  dom=$(chromium "${chromium_flags[@]}" --user-data-dir="$work/profile-$r" --dump-dom "file://$work/report-1000.html" 2>/dev/null)
  end=$(now)
  rendered=$(echo "$dom" | grep -o 'data-rendered="[a-z]*"' | head -n 1)
  ms=$(echo "$dom" | grep -o 'data-render-ms="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
  printf '| %d | %s ms (%s) | %.2f |\n' "$r" "${ms:--}" "${rendered:-no flag}" "$(echo "$end - $start" | bc)"
done
if [ -n "${SCREENSHOT:-}" ]; then
  ls -d "$work"/runs/true-1 >/dev/null
  chromium "${chromium_flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1400,2600 \
    --screenshot="$SCREENSHOT" "file://$work/runs/true-1/report.html" 2>/dev/null
  echo "screenshot of runs/true-1/report.html: $SCREENSHOT"
fi
