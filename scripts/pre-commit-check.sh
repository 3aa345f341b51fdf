#!/usr/bin/env bash
# Runs deid's pre-commit hook as a data repository uses it: pre-commit (from PyPI) installs the hook from this
# repository at its HEAD commit (building deid with `swift build -c release`, as `language: swift` does), then
# checks a small sample repository twice. A raw table with small counts must fail the commit; its release must pass.
# .ci/run calls this after the tests.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$repo" rev-parse HEAD)"
venv="$repo/.build/pre-commit-venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pre-commit
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# pre-commit's own cache (the hook's clone and build) lives in the build folder, so a second run of the same commit
# does not build deid again.
export PRE_COMMIT_HOME="$repo/.build/pre-commit-home"
git init -q "$work/data"
cd "$work/data"
commit() { git add -A && git -c user.name=ci -c user.email=ci@example.invalid commit -qm "$1"; }
cp "$repo/Samples/county-age-sex.csv" "$repo/Samples/county-age-sex.deid.yaml" .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: deid-check
YAML
commit "a raw table"

echo "== pre-commit on a raw table (must fail: small counts)"
if "$venv/bin/pre-commit" run --all-files > raw.log 2>&1; then
  cat raw.log; echo "pre-commit-check: the hook passed a table with small counts" >&2; exit 1
fi
grep -q "small-count" raw.log || { cat raw.log; echo "pre-commit-check: no small-count finding" >&2; exit 1; }
# sed reads to the end, unlike head, so grep never dies of SIGPIPE (which pipefail would turn into a failure).
grep -E "^deid check|Failed|small-count" raw.log | sed -n 1,4p

deid="$(find "$PRE_COMMIT_HOME" -path '*/release/deid' -type f -printf '%T@ %p\n' | sort -rn | sed -n 1p | cut -d' ' -f2-)"
[ -x "$deid" ] || { echo "pre-commit-check: the hook's deid was not built" >&2; exit 1; }
"$deid" release -q county-age-sex.csv -o released.csv --report "$work/release.audit.json"
mv released.csv county-age-sex.csv
rm -f raw.log
commit "the release"

echo "== pre-commit on the release (must pass)"
"$venv/bin/pre-commit" run --all-files
echo "pre-commit-check: ok"
