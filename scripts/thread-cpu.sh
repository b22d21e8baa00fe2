#!/usr/bin/env bash
# CPU seconds per thread of a command (Linux /proc), read every 50 ms until it exits: the main
# thread first, then V8's platform threads (garbage collection, TurboFan compiles), then worker
# threads. Shows where a run's CPU goes beyond the scanning thread.
#   scripts/thread-cpu.sh node packages/cli/bin/hawzu-scan.js -f json -o r.json --jobs 2 big.log
set -uo pipefail
"$@" &
pid=$!
declare -A last
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    tid=${task##*/}
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    rest=${stat#*) }
    # shellcheck disable=SC2086
    set -- $rest
    last[$tid]="$tid $(( ${12} + ${13} ))"
  done
  sleep 0.05
done
wait "$pid"
status=$?
for tid in "${!last[@]}"; do echo "${last[$tid]}"; done | sort -n | awk '{ printf "thread %s %6.2f s\n", $1, $2 / 100 }' >&2
exit "$status"
