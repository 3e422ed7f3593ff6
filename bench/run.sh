#!/usr/bin/env bash
# The whole-binary benchmark; writes bench/RESULTS.md.
#
#   bash bench/run.sh                 # 100,000 records / 1,000 files, 1M / 10,000 for memory
#   REPS=7 bash bench/run.sh          # more repetitions (default 5, the minimum)
#   SMALL=1 bash bench/run.sh         # 10x smaller data, to try the script quickly
#   HUGE=0 bash bench/run.sh          # skip the 10,000,000-record memory row (~4.5 GB of disk)
#   HUGE_DATA=DIR HUGE_N=10000000 bash bench/run.sh   # that row on data generated before
#
# The binaries are taken from CARGO_TARGET_DIR when it is set (else target/).
# The 10,000,000-record row runs when the disk has room for its data and
# 10 GB to spare; else 5,000,000 records are measured, and the row says so.
#
# Builds release, generates deterministic data (bench/generate.py) into a
# temporary folder, then measures side by side in one run, repetitions
# interleaved, medians reported (bench/measure.py):
#   (a) parse-only (rectify::yaml and serde_yaml::Value, bench/benches/parse_only.rs)
#       vs `rectify check --format json --as-of 2025-06-30`, --jobs 1 and default;
#   (b) --jobs 1 vs --jobs 2;
#   (c) peak memory (/usr/bin/time -v) of check at 1,000,000 records, at
#       1,000,000 records all drawn to fail (JSON, and JUnit), and (HUGE=1) at
#       10,000,000;
#   (d) a one-file run with the bundled rules (hyperfine);
#   (e) --jobs 1 vs --jobs 2 on one-record files, beside the serde_yaml parse
#       and reading alone at 1 and 2 threads on the same files (the controls);
#   (f) callgrind instruction counts of check --jobs 1 and the parse-only
#       floors on a smaller folder (valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! [ -x /usr/bin/time ] || ! need hyperfine || ! need valgrind; then
  echo "installing time, hyperfine and valgrind (apt)" >&2
  (apt-get update -qq && apt-get install -y -qq time hyperfine valgrind) >&2 || true
fi

echo "building (release)" >&2
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin rectify
RECTIFY="$TARGET/release/rectify"
# The bench crate shares rectify's target folder, so the crates both use
# are compiled once.
PARSE_ONLY=$(CARGO_TARGET_DIR="$TARGET" cargo bench --manifest-path bench/Cargo.toml --bench parse_only --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "parse_only" and m.get("executable"):
        print(m["executable"])')

# The folder's name contains `bench-data`: a watchdog that ends runaway
# `rectify` processes spares command lines naming it.
DATA=$(mktemp -d "${TMPDIR:-/tmp}/rectify-bench-data.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
if [ -n "${SMALL:-}" ]; then
  N=10000 F=100 BIG_N=100000 BIG_F=1000 SINGLES=2000 CG_N=2000 FAIL_N=100000
else
  N=100000 F=1000 BIG_N=1000000 BIG_F=10000 SINGLES=20000 CG_N=10000 FAIL_N=1000000
fi
echo "generating $N records in $F files, $BIG_N in $BIG_F, $FAIL_N failing, $SINGLES one-record files" >&2
python3 bench/generate.py "$DATA/main" --records "$N" --files "$F" >&2
python3 bench/generate.py "$DATA/big" --records "$BIG_N" --files "$BIG_F" >&2
python3 bench/generate.py "$DATA/failing" --records "$FAIL_N" --files "$((FAIL_N / 100))" --fail-percent 100 >&2
python3 bench/generate.py "$DATA/singles" --records "$SINGLES" --files "$SINGLES" >&2
python3 bench/generate.py "$DATA/small" --records "$CG_N" --files "$((CG_N / 100))" >&2
HUGE_ARGS=()
if [ "${HUGE:-1}" != 0 ]; then
  # 10,000,000 records in files of 1,000: about 4.5 GB of disk; the
  # temporary files of a JSON report over them take about as much again.
  HUGE_N=${HUGE_N:-10000000}
  FREE_KB=$(df -Pk "$DATA" | awk 'NR == 2 { print $4 }')
  if [ -z "${HUGE_DATA:-}" ] && [ "$FREE_KB" -lt $(( (9 + 10) * 1024 * 1024 )) ]; then
    HUGE_N=5000000
    echo "not enough disk for 10,000,000 records: measuring $HUGE_N" >&2
  fi
  if [ -n "${SMALL:-}" ]; then HUGE_N=$((HUGE_N / 10)); fi
  HUGE_DIR="$DATA/huge"
  if [ -n "${HUGE_DATA:-}" ]; then
    # Already generated (`python3 bench/generate.py HUGE_DATA --records N
    # --files N/1000`, deterministic), with HUGE_N=N: not generated again.
    HUGE_DIR="$HUGE_DATA"
  else
    python3 bench/generate.py "$HUGE_DIR" --records "$HUGE_N" --files "$((HUGE_N / 1000))" >&2
  fi
  HUGE_ARGS=(--huge "$HUGE_DIR" --huge-records "$HUGE_N")
fi

python3 bench/measure.py \
  --rectify "$RECTIFY" --parse-only "$PARSE_ONLY" \
  --data "$DATA/main" --records "$N" --files "$F" \
  --big "$DATA/big" --big-records "$BIG_N" --big-files "$BIG_F" \
  --failing "$DATA/failing" --failing-records "$FAIL_N" \
  --singles "$DATA/singles" --singles-files "$SINGLES" \
  --small "$DATA/small" --small-records "$CG_N" \
  "${HUGE_ARGS[@]}" \
  --one-file examples/jiangsu/tasks/wuxi.yaml \
  --reps "${REPS:-5}" --out bench/RESULTS.md
