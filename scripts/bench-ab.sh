#!/usr/bin/env bash
# A/B of whole jobs across checkouts (for example main against a worktree of an older commit): each checkout runs
# CONF once untimed (building its jar and writing its class archive), then REPS times, the checkouts alternated so
# they see the same machine load; prints each run's wall seconds and the job's timing line.
#   scripts/bench-ab.sh CONF REPS DIR [DIR ...]      e.g. scripts/bench-ab.sh conf/fashion-mnist.conf 2 . /tmp/old
# Each DIR needs the data CONF names (for full Fashion-MNIST a link to data/fashion-mnist of this checkout).
set -euo pipefail
conf="$1"; reps="$2"; shift 2
out="$(mktemp -d)"
for dir in "$@"; do
  (cd "$dir" && scripts/run-local.sh "$conf" --set hpo.output.dir="$out/warm" --set hpo.run-id="w$RANDOM" >/dev/null 2>&1)
done
for rep in $(seq 1 "$reps"); do
  for dir in "$@"; do
    start=$(date +%s.%N)
    line=$(cd "$dir" && scripts/run-local.sh "$conf" --set hpo.output.dir="$out/runs" --set hpo.run-id="r$rep$RANDOM" 2>&1 \
      | grep -o "timing: .*" || true)
    end=$(date +%s.%N)
    echo "$dir run $rep wall $(python3 -c "print(f'{$end - $start:.2f}')") s | $line"
  done
done
rm -rf "$out"
