#!/usr/bin/env bash
# The nightly tuning job, for cron or Airflow (README.md, "Nightly runs"):
#   scripts/nightly.sh [--set key=value]... [--break-lock]
# Runs conf/nightly.conf (or $NIGHTLY_CONF) as run nightly-<UTC date> with --nightly: the output directory's
# lock, resume of today's run when an earlier attempt died, warm start from the run LATEST names, a comparison
# with it in summary.txt, then LATEST (and the `latest` link) pointed at the finished run.
# Spark local mode through scripts/run-local.sh; with NIGHTLY_MASTER set (spark://..., yarn) it goes through
# scripts/submit.sh instead, in client mode, with NIGHTLY_SUBMIT_ARGS (for example "--executor-memory 4g")
# passed to spark-submit.
# Exit codes: 0 done (or already done today), 1 failed, 2 bad configuration or data, 3 regression beyond
# hpo.nightly.max-regression, 4 another run holds the lock.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
conf="${NIGHTLY_CONF:-$root/conf/nightly.conf}"
run_id="nightly-$(date -u +%Y%m%d)"

if [ -n "${NIGHTLY_MASTER:-}" ]; then
  # shellcheck disable=SC2086
  exec "$root/scripts/submit.sh" --master "$NIGHTLY_MASTER" --config "$conf" ${NIGHTLY_SUBMIT_ARGS:-} \
    -- --nightly --set "hpo.run-id=$run_id" "$@"
fi
exec "$root/scripts/run-local.sh" "$conf" --nightly --set "hpo.run-id=$run_id" "$@"
