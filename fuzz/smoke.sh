#!/usr/bin/env bash
# Run every fuzz target for ~30 s each (SECONDS_PER_TARGET to change it).
# cargo-fuzz needs nightly features; on stable, RUSTC_BOOTSTRAP=1 enables them.
#   cargo install cargo-fuzz && bash fuzz/smoke.sh
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_PER_TARGET:-30}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for target in $(cargo fuzz list); do
  echo "== $target ($seconds s)" >&2
  cargo fuzz run -O "$target" -- -max_total_time="$seconds" -timeout=10 -print_final_stats=1 2>&1 |
    grep -E "^(Done|stat::number_of_executed_units)|ERROR|panicked" || true
  if [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
    echo "$target: crash inputs in fuzz/artifacts/$target" >&2
    exit 1
  fi
done
