# Shared by the client checks: sourced, not run. Sets `repo` (the
# repository root, also the current folder), `rectify` (RECTIFY, default
# target/release/rectify), `tools` (target/clients, where clients are
# installed) and `work` (a temporary folder removed on exit), and defines
# `report`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$PWD
rectify=${RECTIFY:-$repo/target/release/rectify}
case $rectify in /*) ;; *) rectify=$repo/$rectify ;; esac
tools=$repo/target/clients
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# report FORMAT NAME EXPECTED-EXIT DIR ARGS...: `rectify check ARGS` run in
# DIR, the report in $work/NAME.FORMAT; fails unless it exits as expected.
report() {
  local format=$1 name=$2 expect=$3 dir=$4
  shift 4
  local code=0
  (cd "$dir" && "$rectify" check "$@" --as-of 2025-06-30 --format "$format") \
    >"$work/$name.$format" 2>"$work/$name.stderr" || code=$?
  if [ "$code" -ne "$expect" ]; then
    echo "$format: $name: expected exit $expect, got $code" >&2
    cat "$work/$name.stderr" >&2
    exit 1
  fi
}
