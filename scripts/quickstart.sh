#!/usr/bin/env bash
# The README's first command: install what is missing, build deid, and run it on a sample table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release
deid=.build/release/deid
out=$(mktemp -d)
echo
echo "== deid check Samples/county-age-sex.csv (a raw table: small counts are findings, exit 1)"
"$deid" check --max-findings 5 Samples/county-age-sex.csv || true
echo
echo "== deid release Samples/county-age-sex.csv"
"$deid" release Samples/county-age-sex.csv -o "$out/county-age-sex.release.csv" --report "$out/county-age-sex.audit.json"
echo
echo "== deid check on the release (exit 0: every hidden cell is protected)"
"$deid" check --description Samples/county-age-sex.deid.yaml "$out/county-age-sex.release.csv" && echo "clean"
echo
echo "== deid release Samples/clinic-visits.csv (person records aggregated into counts)"
"$deid" release Samples/clinic-visits.csv -o "$out/clinic-visits.release.csv" --report "$out/clinic-visits.audit.json"
echo
echo "Outputs are in $out"
