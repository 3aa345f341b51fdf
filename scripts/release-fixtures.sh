#!/usr/bin/env bash
# Writes the release, the JSON audit report and the HTML report of each real-shaped fixture into a `released/`
# folder beside it, for a statistician to read. The tests release the same files with the same command lines and
# compare the outputs byte for byte, so run this after a change that is meant to change them.
# Usage: bash scripts/release-fixtures.sh [DEID]   (default: .build/debug/deid)
set -euo pipefail
cd "$(dirname "$0")/.."
deid="$(cd "$(dirname "${1:-.build/debug/deid}")" && pwd)/$(basename "${1:-.build/debug/deid}")"
[ -x "$deid" ] || { echo "release-fixtures.sh: $deid is not built (swift build)" >&2; exit 2; }
# The fixtures, as folder/name: every table here has its description beside it.
fixtures=(
  shapes/dental-no-data shapes/republished-note shapes/vpd-ragged shapes/tract-sparse
  cumulative/county-day real/tb-cases-lhj
)
for fixture in "${fixtures[@]}"; do
  folder="Tests/Fixtures/$(dirname "$fixture")"
  name="$(basename "$fixture")"
  mkdir -p "$folder/released"
  # The command line the tests run (ReleasedFixtureTests.arguments), from the fixture's folder.
  (cd "$folder" && "$deid" release -q "$name.csv" -o "released/$name.release.csv" \
    --report "released/$name.audit.json" --report-html "released/$name.report.html")
  echo "$folder/released/$name.{release.csv,audit.json,report.html}"
done
