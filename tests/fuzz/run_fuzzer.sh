#!/bin/sh
# Runs one libFuzzer executable for the fuzz_smoke target with its log in a file: the fuzzer prints a
# line for every new input, too many for a test log. On success it shows the final statistics; on a
# finding, the end of the log, which names the input that failed (kept under fuzz-artifacts/).
# Usage: run_fuzzer.sh LOG FUZZER [libFuzzer options and corpus folders...]
log=$1
shift
mkdir -p "$(dirname "$log")"
if "$@" >"$log" 2>&1; then
  echo "$(basename "$1"): $(grep -E '^Done|^stat::number_of_executed_units|^stat::new_units_added' "$log" | tr '\n' ' ')"
else
  status=$?
  tail -n 60 "$log"
  echo "$(basename "$1"): FAILED (exit $status); full log in $log" >&2
  exit 1
fi
