#!/usr/bin/env bash
# Runs .ci/run the way a CI runner would, in the least friendly place we know: a fresh clone of HEAD
# inside a `mktemp -d` folder (mode 0700), with CI=true, no stdin, and two busy loops competing for
# the CPU. Tests that depend on the checkout's location, on timing or on chance fail here first.
#
# Usage: scripts/ci-from-fresh-clone.sh [runs]   (default 1; the issue's bar is 5 in a row)
set -uo pipefail

runs="${1:-1}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
busy=()

stop_busy() {
  # Only the loops this script started, by their pid.
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${busy[@]}"; do wait "$pid" 2>/dev/null; done
  busy=()
}
trap stop_busy EXIT

passed=0
for run in $(seq 1 "$runs"); do
  work="$(mktemp -d)"
  chmod 0700 "$work"
  git clone --quiet --no-hardlinks "$repo" "$work/hawzu-scan"
  git -C "$work/hawzu-scan" checkout --quiet "$(git -C "$repo" rev-parse HEAD)"

  for _ in 1 2; do
    ( while :; do :; done ) &
    busy+=("$!")
  done

  log="$work/ci.log"
  echo "run $run/$runs: $work/hawzu-scan (busy loops: ${busy[*]})"
  if (cd "$work/hawzu-scan" && CI=true .ci/run </dev/null >"$log" 2>&1); then
    echo "run $run/$runs: PASS"
    passed=$((passed + 1))
    stop_busy
    rm -rf "$work"
  else
    echo "run $run/$runs: FAIL (log kept: $log)"
    tail -n 40 "$log"
    stop_busy
    break
  fi
done

echo "$passed of $runs fresh-clone CI run(s) passed"
[ "$passed" -eq "$runs" ]
