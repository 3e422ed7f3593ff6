#!/usr/bin/env bash
# The shipped pre-commit hook, run by the real pre-commit framework in a
# scratch git repository shaped like a real one: .pre-commit-config.yaml, a
# workflow, mkdocs.yml, a rectify.toml naming ledgers/, and the example
# ledgers. Commits that touch no record, or add a clean one, must pass; a
# commit adding a late record must fail.
#
# The hook is the one in .pre-commit-hooks.yaml, entry, file pattern and
# all, run as a `repo: local` hook with `language: system` on the binary
# already built (target/release/rectify, or $RECTIFY), so the test costs
# no second release build. With RECTIFY_TRY_REPO=1 it also runs
# `pre-commit try-repo` on this repository, which builds the hook the way
# users get it (`language: rust`: a `cargo install` of this repository).
#
# Needs git, python3 (venv) and PyPI for `pip install pre-commit`.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rectify=${RECTIFY:-$here/target/release/rectify}
if [ ! -x "$rectify" ]; then
  (cd "$here" && cargo build --locked --release --quiet)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$work/cache"

repo="$work/repo"
mkdir -p "$repo/.github/workflows"
cd "$repo"
git init -q .
git config user.email ci@example.invalid
git config user.name CI
git config commit.gpgsign false

# The shipped hook as a local hook on the built binary.
"$work/venv/bin/python" - "$here/.pre-commit-hooks.yaml" "$rectify" >.pre-commit-config.yaml <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
hook = next(h for h in hooks if h["id"] == "rectify")
program, _, rest = hook["entry"].partition(" ")
assert program == "rectify", hook["entry"]
hook = dict(hook, entry=f"{sys.argv[2]} {rest}", language="system")
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False))
PY
printf 'on: push\njobs:\n  build: { runs-on: ubuntu-latest, steps: [] }\n' >.github/workflows/ci.yml
printf 'site_name: Rectification ledgers\nnav: []\n' >mkdocs.yml
printf 'records = ["ledgers"]\nas-of = 2025-06-30\n' >rectify.toml
cp -r "$here/examples/jiangsu" ledgers
git add -A
git commit -q -m "the ledgers as they are" # before the hook is installed
"$pre_commit" install >/dev/null

fail() {
  echo "pre-commit test: $*" >&2
  exit 1
}

echo "== a commit touching only tool configuration passes"
printf 'site_name: Rectification ledgers\nnav: [index.md]\n' >mkdocs.yml
printf '\n# touched\n' >>.github/workflows/ci.yml
git add -A
git commit -q -m "docs and CI" || fail "a commit with no record was refused"

echo "== a commit adding a clean record passes"
cp "$here/tests/fixtures/check/clean/"*.yaml ledgers/tasks/changzhou-new.yaml
git add -A
git commit -q -m "a clean record" || fail "a clean record was refused"

echo "== a commit adding a late record fails"
cp "$here/tests/fixtures/check/late-plan/wuxi.yaml" ledgers/tasks/wuxi-late.yaml
git add -A
if git commit -q -m "a late record" >"$work/late.txt" 2>&1; then
  cat "$work/late.txt"
  fail "a late record was committed"
fi
grep -q "plan-on-time" "$work/late.txt" || {
  cat "$work/late.txt"
  fail "the refusal does not name the rule"
}
git reset -q --hard

echo "== a bare check from the root and from a subfolder reads only ledgers"
for dir in . ledgers/tasks; do
  set +e
  (cd "$dir" && "$rectify" check --format json >"$work/bare.json")
  code=$?
  set -e
  [ "$code" -eq 1 ] || fail "bare check in $dir exited $code, expected 1"
  "$work/venv/bin/python" - "$work/bare.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
names = {x["file"] for key in ("findings", "input_errors") for x in report[key]}
outside = sorted(n for n in names if not n.startswith(("ledgers/", "<bundled>")))
assert not outside, outside
PY
done

if [ "${RECTIFY_TRY_REPO:-0}" = 1 ]; then
  echo "== pre-commit try-repo of this repository (builds the hook with cargo)"
  "$pre_commit" try-repo "$here" rectify --files mkdocs.yml ledgers/tasks/changzhou-new.yaml
fi

echo "pre-commit hook: 4 passed, 0 failed"
