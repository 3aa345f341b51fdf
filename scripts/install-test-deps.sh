#!/usr/bin/env bash
# Installs what the tests use beyond the build: Debian's chromium (the HTML report rendered and printed by
# BrowserReportTests), Python's venv module (scripts/pre-commit-check.sh installs pre-commit from PyPI into one),
# PostgreSQL (SQLCommandTests start a server of their own with scripts/with-postgres.sh), a JDK for Spark, and DuckDB
# pyspark and frictionless in .build/test-venv.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
# DuckDB and pyspark from PyPI, for SQLCommandTests (the query deid sql prints, run on the real engines), and the
# frictionless validator, for BundleCommandTests (the portal bundle's datapackage.json).
venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
for module in duckdb pyspark frictionless; do
  "$venv/bin/python" -c "import $module" 2>/dev/null || "$venv/bin/pip" install -q "$module"
done
