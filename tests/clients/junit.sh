#!/usr/bin/env bash
# JUnit that Jenkins accepts: rectify's JUnit XML, with each --fail-on and
# with input errors, validated by xmllint against Jenkins' junit-10.xsd.
#
# The schema is Jenkins' xunit-plugin junit-10.xsd (MIT licence, Gregory
# Boissinot), as pytest ships it for its own JUnit tests: it is taken from
# the pytest 8.3.4 source distribution on PyPI, checked against its
# published SHA-256, into target/clients (so it is not copied into this
# repository). Needs python3 with pip, and xmllint (Debian package
# libxml2-utils, installed here when missing).
# RECTIFY names the binary (default: target/release/rectify).
. "$(dirname "$0")/lib.sh"

if ! command -v xmllint >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update && $sudo apt-get install -y libxml2-utils
fi

sdist=$tools/pytest-8.3.4.tar.gz
sha256=965370d062bce11e73868e0335abac31b4d3de0e82f4007408d242b4f8610761
schema=$tools/junit-10.xsd
if [ ! -f "$schema" ]; then
  mkdir -p "$tools"
  [ -f "$sdist" ] || python3 -m pip download --quiet --no-deps --no-binary :all: pytest==8.3.4 -d "$tools"
  echo "$sha256  $sdist" | sha256sum --check --quiet
  tar -xzf "$sdist" -O pytest-8.3.4/testing/example_scripts/junit-10.xsd >"$schema"
fi

report junit example 1 "$repo" examples/jiangsu
report junit fail-on-warning 1 "$repo" examples/jiangsu --fail-on warning
report junit fail-on-never 0 "$repo" examples/jiangsu --fail-on never
report junit waivers 2 "$repo" tests/fixtures/check/waivers
report junit cannot-check 1 "$repo" tests/fixtures/check/cannot-check
report junit input-errors 2 "$repo" tests/fixtures/check/record-errors
report junit hostile 2 "$repo" tests/fixtures/check/hostile

for xml in "$work"/*.junit; do
  xmllint --noout --schema "$schema" "$xml"
done
