#!/usr/bin/env bash
# Change-to-diagnostics latency of `rectify lsp` on a 1,000-record file;
# writes the section "Editor: change to diagnostics" of bench/RESULTS.md.
#
#   bash bench/lsp.sh            # 50 edits
#   EDITS=10 bash bench/lsp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building (release)" >&2
cargo build --release --quiet --bin rectify
python3 bench/lsp.py --rectify target/release/rectify --edits "${EDITS:-50}" --out bench/RESULTS.md
