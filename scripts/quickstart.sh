#!/usr/bin/env bash
# The README's first command: install deid (libcsv and GLPK with apt-get if missing, a release build, the binary on
# the PATH), then run it on the sample tables from a folder outside the repository.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bash "$repo/scripts/install.sh"
# install.sh puts deid in /usr/local/bin when it may write there, else in ~/.local/bin (and says so if that is not
# on the PATH); this script finds it either way.
PATH="$PATH:/usr/local/bin:$HOME/.local/bin"
deid="$(command -v deid)"
work=$(mktemp -d)
cp "$repo"/Samples/county-age-sex.csv "$repo"/Samples/county-age-sex.deid.yaml \
  "$repo"/Samples/clinic-visits.csv "$repo"/Samples/clinic-visits.deid.yaml "$work"
cd "$work"
# Runs a command that should exit 1 (it reports findings); any other status, an error included, stops the script.
expect_findings() {
    local status=0
    "$@" || status=$?
    [ "$status" -eq 1 ] || { echo "quickstart: expected exit 1 (findings) from '$*', got $status" >&2; exit 1; }
}
echo
echo "== in $work, with $deid"
echo "== deid check county-age-sex.csv (a raw table: small counts are findings, exit 1)"
expect_findings deid check --max-findings 5 county-age-sex.csv
echo
echo "== deid release county-age-sex.csv"
deid release county-age-sex.csv -o county-age-sex.release.csv --report county-age-sex.audit.json
echo
echo "== deid check on the release (exit 0: every hidden cell is protected)"
deid check --description county-age-sex.deid.yaml county-age-sex.release.csv && echo "clean"
echo
echo "== deid release clinic-visits.csv (person records aggregated into counts)"
deid release clinic-visits.csv -o clinic-visits.release.csv --report clinic-visits.audit.json
echo
echo "== deid release county-age-sex.csv --bundle portal (the folder to upload: release, datapackage.json, data dictionary)"
deid release county-age-sex.csv --bundle portal --report portal.audit.json
ls portal
echo
echo "== deid inventory clinic-visits.csv (the records' columns for a data-sharing request; exit 1: identifiers)"
expect_findings deid inventory clinic-visits.csv
echo
echo "Outputs are in $work"
