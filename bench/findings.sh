#!/usr/bin/env bash
# Rendering many diagnostics from one file (human, plain, JSON), side by
# side; writes the section "Many diagnostics in one file" of bench/RESULTS.md.
#
#   bash bench/findings.sh             # 10,000 findings, 3 repetitions; 100,000 once
#   N=2000 REPS=1 BIG=0 bash bench/findings.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building (release)" >&2
cargo build --release --quiet --bin rectify
python3 bench/findings.py --rectify target/release/rectify \
  --findings "${N:-10000}" --reps "${REPS:-3}" --big "${BIG:-100000}" --out bench/RESULTS.md
