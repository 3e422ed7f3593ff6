#!/usr/bin/env bash
# SARIF that real clients accept: rectify's SARIF from a relative run, an
# absolute-path run, a run from a subfolder, a run naming files outside
# the project root and a run over hostile file names, each validated by
# Microsoft's SARIF Multitool (what GitHub code scanning's own checks
# follow), expecting zero errors; then every location of every result must
# resolve, through `originalUriBaseIds`, to a file that exists.
#
# Needs node and npm; the Multitool is installed with npm into
# target/clients (not globally) and works offline once installed.
# RECTIFY names the binary (default: target/release/rectify).
. "$(dirname "$0")/lib.sh"
multitool=$tools/node_modules/.bin/sarif-multitool

if [ ! -x "$multitool" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0
fi
# npm may refuse the package's install script, which only marks the tool
# executable.
chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool 2>/dev/null || true

report sarif relative 1 "$repo" examples/jiangsu
report sarif absolute 1 "$repo" "$repo/examples/jiangsu"
report sarif subfolder 1 "$repo/examples" jiangsu
report sarif outside 1 "$repo/examples/jiangsu/tasks" ../petitions .
mkdir -p "$work/hostile"
n=0
for name in 'C:evil.yaml' 'javascript:x.yaml' 'a b%20c.yaml' '台账 #1.yaml'; do
  n=$((n + 1))
  sed "s/JS-2022-R2-07/JS-2022-R2-9$n/" tests/fixtures/check/late-plan/wuxi.yaml >"$work/hostile/$name"
done
report sarif hostile 1 "$work/hostile" .

status=0
for log in "$work"/*.sarif; do
  name=$(basename "$log" .sarif)
  "$multitool" validate "$log" --output "$work/$name.validation" --log ForceOverwrite --quiet >/dev/null
  python3 - "$log" "$work/$name.validation" <<'PY' || status=1
import json, os, sys
from urllib.parse import unquote, urljoin, urlparse

log, validation = sys.argv[1], sys.argv[2]
name = os.path.basename(log)
found = json.load(open(validation, encoding="utf-8"))["runs"][0].get("results", [])
errors = [r for r in found if r.get("level", "warning") == "error"]
for r in found:
    print(f"{name}: {r.get('level')} {r['ruleId']}: {r['message'].get('text', r['message'])}")
run = json.load(open(log, encoding="utf-8"))["runs"][0]
bases = {k: v["uri"] for k, v in run.get("originalUriBaseIds", {}).items()}
unresolved, located = [], 0
for result in run.get("results", []):
    for loc in result.get("locations", []) + result.get("relatedLocations", []):
        artifact = loc["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        if "uriBaseId" in artifact:
            uri = urljoin(bases[artifact["uriBaseId"]], uri)
        path = unquote(urlparse(uri).path)
        located += 1
        if not uri.startswith("file:///") or not os.path.isfile(path):
            unresolved.append(uri)
print(f"{name}: {len(errors)} Multitool errors; {located} locations, {len(unresolved)} unresolved")
for uri in unresolved:
    print(f"{name}: does not resolve to a file: {uri}")
sys.exit(1 if errors or unresolved or located == 0 else 0)
PY
done
exit $status
