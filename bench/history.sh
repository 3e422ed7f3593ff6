#!/usr/bin/env bash
# The cost of progress history; writes bench/HISTORY.md.
#
#   bash bench/history.sh            # 100,000 records in 1,000 files, 5 repetitions
#   REPS=7 bash bench/history.sh     # more repetitions (at least 3)
#   SMALL=1 bash bench/history.sh    # 10x smaller data, to try the script quickly
#
# Builds release, generates deterministic records (bench/generate.py) into
# a folder whose path contains `bench-data`, then times, side by side and
# interleaved (check, history, check, history, ...):
#   check:    rectify check --format json --as-of 2025-06-30
#   history:  rectify report --history monthly --from 2024-07-01
#             --to 2025-06-30 --as-of 2025-06-30 --format json
#             (a year: 12 period ends, plus the baseline end before them)
# and reports each repetition's ratio history / check (paired: the two
# runs of one repetition are back to back, so they share the machine's
# state), and the median of those ratios. The target is a median under 3.
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=${REPS:-5}
if [ "$REPS" -lt 3 ]; then
  echo "history.sh: REPS must be at least 3" >&2
  exit 2
fi
N=100000 F=1000
[ -n "${SMALL:-}" ] && N=10000 F=100

echo "building (release)" >&2
cargo build --release --quiet --bin rectify
rectify=target/release/rectify

DATA=$(mktemp -d "${TMPDIR:-/tmp}/rectify-bench-data.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
echo "generating $N records in $F files" >&2
python3 bench/generate.py "$DATA/records" --records "$N" --files "$F" >&2

check=("$rectify" check "$DATA/records" --no-config --format json --as-of 2025-06-30)
history=("$rectify" report "$DATA/records" --no-config --history monthly
  --from 2024-07-01 --to 2025-06-30 --as-of 2025-06-30 --format json)

# Seconds of wall-clock time of one run (stdout discarded; exit 0 or 1 only).
seconds() {
  local start end code=0
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$DATA/stderr" || code=$?
  end=$(date +%s.%N)
  if [ "$code" -gt 1 ]; then
    echo "history.sh: \`$*\` exited $code" >&2
    cat "$DATA/stderr" >&2
    exit 1
  fi
  python3 -c "print(f'{$end - $start:.3f}')"
}

# One warm-up of each (file cache, page cache), not counted.
seconds "${check[@]}" >/dev/null
seconds "${history[@]}" >/dev/null

rows=()
for rep in $(seq 1 "$REPS"); do
  c=$(seconds "${check[@]}")
  h=$(seconds "${history[@]}")
  rows+=("$rep $c $h")
  echo "repetition $rep: check ${c}s, history ${h}s" >&2
done

periods=$("${history[@]}" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["history"]))')
cores=$(nproc)
printf '%s\n' "${rows[@]}" >"$DATA/rows"
python3 - "$N" "$F" "$periods" "$cores" "$REPS" "$DATA/rows" <<'EOF' >bench/HISTORY.md
import statistics
import sys

n, f, periods, cores, reps, path = sys.argv[1:7]
with open(path) as lines:
    rows = [line.split() for line in lines if line.strip()]
ratios = [float(h) / float(c) for _, c, h in rows]
median = statistics.median(ratios)
print("# Progress history: cost against one check")
print()
print("Written by `bench/history.sh` (do not edit by hand).")
print()
print(f"{int(n):,} records in {int(f):,} files from `bench/generate.py`, release build,")
print(f"{cores} cores, {reps} repetitions interleaved after one warm-up of each.")
print()
print("- check: `rectify check --format json --as-of 2025-06-30`")
print("- history: `rectify report --history monthly --from 2024-07-01 --to 2025-06-30")
print(f"  --as-of 2025-06-30 --format json` ({periods} period ends, and the baseline before them)")
print()
print("| repetition | check (s) | history (s) | history / check |")
print("|---:|---:|---:|---:|")
for (rep, c, h), r in zip(rows, ratios):
    print(f"| {rep} | {float(c):.3f} | {float(h):.3f} | {r:.2f} |")
print()
print(f"Median ratio: **{median:.2f}** (target: under 3; min {min(ratios):.2f}, max {max(ratios):.2f}).")
EOF
cat bench/HISTORY.md
