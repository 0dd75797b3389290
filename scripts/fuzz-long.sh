#!/usr/bin/env bash
# The long fuzz run (not part of ./run test): every fuzz target for a fixed number of runs,
# one after another, then a table of runs, time and crashes for fuzz/README.md.
#   scripts/fuzz-long.sh            # 12 million runs in all (about 75 minutes on one core)
#   SCALE=10 scripts/fuzz-long.sh   # a tenth of that
# Needs cargo-fuzz (cargo install cargo-fuzz --locked); uses the stable toolchain with
# RUSTC_BOOTSTRAP=1 for the sanitizer flags. A crash stops that target and leaves its input in
# fuzz/artifacts/<target>/; make it a regression test (tests/fuzz_corpus.rs reads that folder).
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
scale=${SCALE:-1}
# target, runs, largest input (bytes)
targets=(
  "url_state 5000000 4096"
  "snapshot_load 3000000 8192"
  "csv_import 1500000 4096"
  "snapshot_structured 500000 256"
  "json_text 2000000 8192"
)
summary=()
for spec in "${targets[@]}"; do
  set -- $spec
  runs=$(( $2 / scale ))
  mkdir -p "fuzz/corpus/$1"
  # The JSON reader's target starts from the snapshot corpus (read, not written to).
  seeds=()
  [ "$1" = json_text ] && seeds=(fuzz/corpus/snapshot_load)
  started=$(date +%s)
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$1" "fuzz/corpus/$1" "${seeds[@]}" -- \
    -runs="$runs" -max_len="$3" -print_final_stats=1 > "fuzz/$1.log" 2>&1
  status=$?
  done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/$1.log" | tail -n 1)
  crashes=$(ls "fuzz/artifacts/$1" 2>/dev/null | wc -l)
  summary+=("| $1 | ${done_runs:-?} | $(( $(date +%s) - started )) | $crashes | $([ $status -eq 0 ] && echo ok || echo "stopped ($status)") |")
done
echo "| target | runs | seconds | crash files | result |"
echo "|---|---:|---:|---:|---|"
printf '%s\n' "${summary[@]}"
