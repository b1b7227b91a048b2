#!/usr/bin/env bash
# Runs the whole test suite N times with CPU hogs beside it and prints how often each test failed:
# a test that waits for states instead of sleeping passes every time, however loaded the machine.
#   tests/stress.sh [N=10] [HOGS=2] [BUILD_DIR=build] [-- extra ctest arguments, e.g. -R e2e]
set -uo pipefail
positional=()
while (($#)) && [[ $1 != -- ]]; do positional+=("$1"); shift; done
(($#)) && shift  # the --
runs=${positional[0]:-10} hogs=${positional[1]:-2} build=${positional[2]:-build}
[[ -f $build/CTestTestfile.cmake ]] || { echo "stress: no configured build in '$build'" >&2; exit 2; }

hog_pids=()
stop_hogs() { for pid in "${hog_pids[@]}"; do kill "$pid" 2>/dev/null; done; }
trap stop_hogs EXIT
trap "exit 130" INT TERM  # so that the hogs stop with the script
for ((h = 0; h < hogs; h++)); do
  bash -c 'while :; do :; done' &
  hog_pids+=($!)
done

declare -A failures
total_failed=0
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s)
  rm -f "$build/Testing/Temporary/LastTestsFailed.log"
  ctest --test-dir "$build" -j2 --output-on-failure "$@" >"$build/stress-run-$i.log" 2>&1
  rc=$?
  failed_log=$build/Testing/Temporary/LastTestsFailed.log  # "number:name" lines
  n=0
  if [[ -s $failed_log ]]; then
    while IFS=: read -r _ name; do
      failures[$name]=$(( ${failures[$name]:-0} + 1 ))
      ((n++))
    done <"$failed_log"
  fi
  if ((rc != 0 && n == 0)); then  # ctest itself failed or was stopped: the run counts as failed
    failures["(ctest exit code $rc)"]=$(( ${failures["(ctest exit code $rc)"]:-0} + 1 ))
    n=1
  fi
  total_failed=$((total_failed + n))
  echo "run $i/$runs: $n failed, $(( $(date +%s) - start )) s (log: $build/stress-run-$i.log)"
done

echo "failures per test over $runs runs with $hogs CPU hog(s):"
if ((total_failed == 0)); then
  echo "  none"
else
  for name in "${!failures[@]}"; do printf '  %d/%d  %s\n' "${failures[$name]}" "$runs" "$name"; done | sort -rn
fi
((total_failed == 0))
